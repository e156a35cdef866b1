import { Heading, Link, Text } from "@react-email/components"
import { formatMoney } from "@vespertene/money"
import { Layout, heading, small, text } from "./layout"

export type RefundNoticeProps = {
  displayId: number
  currency: string
  /** This refund, and everything refunded on the order so far: integer minor units (ADR 0004). */
  amount: number
  refundedTotal: number
  orderTotal: number
  /** Titles of the files the refund takes back. */
  revokedTitles: string[]
  accountUrl: string
}

export function RefundNoticeEmail({ displayId, currency, amount, refundedTotal, orderTotal, revokedTitles, accountUrl }: RefundNoticeProps) {
  const full = refundedTotal >= orderTotal
  return (
    <Layout preview={`Order #${displayId}: ${formatMoney(amount, currency)} refunded`}>
      <Heading as="h1" style={heading}>
        We&rsquo;ve refunded {formatMoney(amount, currency)}
      </Heading>
      <Text style={text}>
        Order #{displayId}: {full ? "the whole order is refunded" : `${formatMoney(refundedTotal, currency)} of ${formatMoney(orderTotal, currency)} is refunded so far`}.
        The money goes back to the card you paid with; banks usually take 5 to 10 business days to show it.
      </Text>
      {revokedTitles.length > 0 ? (
        <Text style={text}>The download{revokedTitles.length > 1 ? "s" : ""} for {revokedTitles.join(", ")} no longer work{revokedTitles.length > 1 ? "" : "s"}.</Text>
      ) : null}
      <Text style={small}>
        Your orders and downloads: <Link href={accountUrl}>{accountUrl}</Link>. Questions? Just reply to this email.
      </Text>
    </Layout>
  )
}

export type DisputeNoticeProps = {
  displayId: number
  currency: string
  amount: number
  revokedTitles: string[]
  accountUrl: string
}

export function DisputeNoticeEmail({ displayId, currency, amount, revokedTitles, accountUrl }: DisputeNoticeProps) {
  return (
    <Layout preview={`Order #${displayId}: your bank disputed this payment`}>
      <Heading as="h1" style={heading}>
        Your bank has disputed a payment
      </Heading>
      <Text style={text}>
        Your card issuer told us you disputed the {formatMoney(amount, currency)} payment for order #{displayId}. While the dispute is
        open, the downloads for {revokedTitles.length > 0 ? revokedTitles.join(", ") : "this order"} are paused.
      </Text>
      <Text style={text}>If you did not mean to dispute it, contact your bank, or reply to this email and we&rsquo;ll help.</Text>
      <Text style={small}>
        Your account: <Link href={accountUrl}>{accountUrl}</Link>
      </Text>
    </Layout>
  )
}
