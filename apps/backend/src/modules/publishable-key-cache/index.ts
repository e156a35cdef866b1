import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import PublishableKeyCache from "./service"

export default ModuleProvider(Modules.CACHING, {
  services: [PublishableKeyCache],
})
