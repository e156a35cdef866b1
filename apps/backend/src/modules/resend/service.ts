import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { isEmailTemplate, renderEmail, type EmailTemplates } from "@vespertene/emails"
import { Resend } from "resend"
import { EmailOutbox } from "./outbox"

export type ResendOptions = {
  /** Without a key (development and test only) emails go to the local outbox. */
  apiKey?: string
  from: string
  /** A local Resend stand-in; the config accepts it only outside staging and production. */
  baseUrl?: string
  outboxDir: string
  /** Where the outbox pages are served, for the one-line log of each email. */
  outboxUrl: string
}

/**
 * Email through Resend: renders the named template from @vespertene/emails and sends it with
 * the Resend SDK. A Resend error fails the notification (Medusa records it as failed).
 */
export default class ResendNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "resend"

  private readonly logger: Logger
  private readonly options: ResendOptions
  private readonly client: Resend | null
  private readonly outbox: EmailOutbox

  constructor({ logger }: { logger: Logger }, options: ResendOptions) {
    super()
    this.logger = logger
    this.options = options
    this.client = options.apiKey ? new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined) : null
    this.outbox = new EmailOutbox(options.outboxDir)
  }

  static validateOptions(options: Record<string, unknown>) {
    if (!options.from) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The Resend provider needs a `from` address")
    if (!options.apiKey && !options.outboxDir) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The Resend provider needs an API key or an outbox folder")
    }
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const { to, template } = notification
    if (!to) throw new MedusaError(MedusaError.Types.INVALID_DATA, "An email needs a recipient")
    if (!isEmailTemplate(template)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown email template "${template}"`)
    }
    const email = await renderEmail(template, notification.data as EmailTemplates[typeof template])
    const from = notification.from || this.options.from

    if (!this.client) {
      const stored = this.outbox.write({ to, from, template, ...email })
      this.logger.info(`Email to ${to} "${email.subject}" kept in the outbox: ${this.options.outboxUrl}/${stored.id}`)
      return { id: stored.id }
    }

    const result = await this.client.emails.send({ from, to, subject: email.subject, html: email.html, text: email.text })
    if (result.error) {
      // The SDK reports API errors in the result instead of throwing: fail the notification.
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Resend refused the email to ${to} (${template}): ${result.error.name}: ${result.error.message}`,
      )
    }
    return { id: result.data?.id }
  }
}
