import { render } from "@react-email/render"
import { createElement, type ReactElement } from "react"
import { CustomerWelcomeEmail, type CustomerWelcomeProps } from "./templates/customer-welcome"
import { OrderConfirmationEmail, type OrderConfirmationProps } from "./templates/order-confirmation"
import { DisputeNoticeEmail, RefundNoticeEmail, type DisputeNoticeProps, type RefundNoticeProps } from "./templates/payment-update"
import { PasswordResetEmail, type PasswordResetProps } from "./templates/password-reset"
import { StaffInviteEmail, type StaffInviteProps } from "./templates/staff-invite"

/** Every transactional email the shop sends, by template name. */
export type EmailTemplates = {
  "customer-welcome": CustomerWelcomeProps
  "order-confirmation": OrderConfirmationProps
  "password-reset": PasswordResetProps
  "refund-notice": RefundNoticeProps
  "dispute-notice": DisputeNoticeProps
  "staff-invite": StaffInviteProps
}

export type EmailTemplateName = keyof EmailTemplates
export type RenderedEmail = { subject: string; html: string; text: string }

const templates: { [K in EmailTemplateName]: { subject: (props: EmailTemplates[K]) => string; element: (props: EmailTemplates[K]) => ReactElement } } = {
  "customer-welcome": {
    subject: () => "Welcome to Vespertene",
    element: (props) => createElement(CustomerWelcomeEmail, props),
  },
  "order-confirmation": {
    subject: (props) => `Your Vespertene order #${props.displayId}: downloads ready`,
    element: (props) => createElement(OrderConfirmationEmail, props),
  },
  "password-reset": {
    subject: (props) => (props.audience === "staff" ? "Reset your Vespertene admin password" : "Reset your Vespertene password"),
    element: (props) => createElement(PasswordResetEmail, props),
  },
  "refund-notice": {
    subject: (props) => `Refund for your Vespertene order #${props.displayId}`,
    element: (props) => createElement(RefundNoticeEmail, props),
  },
  "dispute-notice": {
    subject: (props) => `Your Vespertene order #${props.displayId}: payment disputed`,
    element: (props) => createElement(DisputeNoticeEmail, props),
  },
  "staff-invite": {
    subject: () => "You're invited to the Vespertene admin",
    element: (props) => createElement(StaffInviteEmail, props),
  },
}

export function isEmailTemplate(name: string): name is EmailTemplateName {
  return Object.prototype.hasOwnProperty.call(templates, name)
}

/** Renders a template to its subject, HTML and plain-text bodies. */
export async function renderEmail<K extends EmailTemplateName>(name: K, props: EmailTemplates[K]): Promise<RenderedEmail> {
  const template = templates[name]
  const element = template.element(props)
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
  return { subject: template.subject(props), html, text }
}
