import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailTemplateName, EmailTemplates } from "@vespertene/emails"

export type SendEmailInput<K extends EmailTemplateName = EmailTemplateName> = {
  to: string
  template: K
  data: EmailTemplates[K]
  /** Sends at most once per key (Medusa's notification module skips a key already sent). */
  idempotency_key?: string
}

export const sendEmailWorkflowId = "send-email"

/** One transactional email through the notification module's email provider (Resend). */
export const sendEmailWorkflow = createWorkflow(sendEmailWorkflowId, (input: SendEmailInput) => {
  const notifications = transform({ input }, ({ input }) => [
    {
      to: input.to,
      channel: "email",
      template: input.template,
      data: input.data as Record<string, unknown>,
      idempotency_key: input.idempotency_key,
    },
  ])
  const sent = sendNotificationsStep(notifications)
  return new WorkflowResponse(sent)
})
