import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildOrderConfirmationStep } from "../steps/build-order-confirmation"

export const resendOrderDownloadsWorkflowId = "resend-order-downloads"

/** Staff send the order confirmation, with its download links, again. */
export const resendOrderDownloadsWorkflow = createWorkflow(
  resendOrderDownloadsWorkflowId,
  (input: { order_id: string; requested_at: string }) => {
    const built = buildOrderConfirmationStep({ order_id: input.order_id })
    // A fresh idempotency key: this one is meant to be sent.
    const notifications = transform({ built, input }, ({ built, input }) =>
      built.map((n) => ({ ...n, idempotency_key: `${n.idempotency_key}:resend:${input.requested_at}` })),
    )
    const sent = sendNotificationsStep(notifications)
    return new WorkflowResponse(sent)
  },
)
