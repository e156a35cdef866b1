import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { backendEnv } from "../lib/env"
import { sendEmailWorkflow } from "../workflows/notifications/workflows/send-email"

/** Welcome a customer who registered an account (not a guest record). */
export default async function customerCreated({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["email", "first_name", "has_account"],
    filters: { id: event.data.id },
  })
  const customer = data[0]
  if (!customer?.has_account || !customer.email) return
  const shopUrl = backendEnv().STOREFRONT_URL
  await sendEmailWorkflow(container).run({
    input: {
      to: customer.email,
      template: "customer-welcome",
      data: { firstName: customer.first_name || null, shopUrl, accountUrl: `${shopUrl}/account` },
      idempotency_key: `customer-welcome:${event.data.id}`,
    },
  })
}

export const config: SubscriberConfig = { event: "customer.created" }
