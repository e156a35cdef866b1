import { MedusaService } from "@medusajs/framework/utils"
import { DigitalFile } from "./models/digital-file"
import { PrivateBucket, type PrivateBucketOptions } from "./storage"

export default class DigitalFileModuleService extends MedusaService({ DigitalFile }) {
  readonly privateBucket: PrivateBucket

  constructor(container: Record<string, unknown>, options: PrivateBucketOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.privateBucket = new PrivateBucket(options)
  }
}
