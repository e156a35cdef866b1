import { Button, Column, Heading, Link, Row, Section, Text } from "@react-email/components"
import { formatMoney } from "@vespertene/money"
import { Layout, button, colours, heading, small, text } from "./layout"

export type OrderConfirmationProps = {
  displayId: number
  currency: string
  /** Integer minor units (ADR 0004). */
  items: Array<{ title: string; total: number }>
  total: number
  tax: number
  downloads: Array<{ title: string; url: string }>
  downloadsUrl: string
  /** The order's own page in the account: receipt, status, refunds and its files. */
  orderUrl: string
}

const cell = { color: colours.ink, fontSize: "15px", lineHeight: "22px", padding: "6px 0", borderBottom: "1px solid #eeeaf4" }

export function OrderConfirmationEmail({ displayId, currency, items, total, tax, downloads, downloadsUrl, orderUrl }: OrderConfirmationProps) {
  return (
    <Layout preview={`Order #${displayId}: your downloads are ready`}>
      <Heading as="h1" style={heading}>
        Thank you! Your downloads are ready
      </Heading>
      <Text style={text}>Order #{displayId}. Each link below is yours alone: sign in to download, as often as you need.</Text>
      {downloads.map((download) => (
        <Section key={download.url} style={{ margin: "0 0 12px" }}>
          <Text style={{ ...text, margin: "0 0 6px", fontWeight: 700 }}>{download.title}</Text>
          <Button href={download.url} style={button}>
            Download
          </Button>
          <Text style={small}>
            <Link href={download.url}>{download.url}</Link>
          </Text>
        </Section>
      ))}
      <Section style={{ margin: "20px 0 0" }}>
        {items.map((item, index) => (
          <Row key={index}>
            <Column style={cell}>{item.title}</Column>
            <Column style={{ ...cell, textAlign: "right" }}>{formatMoney(item.total, currency)}</Column>
          </Row>
        ))}
        <Row>
          <Column style={{ ...cell, fontWeight: 700 }}>Total ({currency})</Column>
          <Column style={{ ...cell, fontWeight: 700, textAlign: "right" }}>{formatMoney(total, currency)}</Column>
        </Row>
        <Row>
          <Column style={{ ...cell, color: colours.muted }}>{tax > 0 ? "Includes GST of" : "GST"}</Column>
          <Column style={{ ...cell, color: colours.muted, textAlign: "right" }}>
            {tax > 0 ? formatMoney(tax, currency) : "none (export)"}
          </Column>
        </Row>
      </Section>
      <Text style={small}>
        This order and its receipt: <Link href={orderUrl}>{orderUrl}</Link>
        <br />
        All your purchases: <Link href={downloadsUrl}>{downloadsUrl}</Link>
      </Text>
    </Layout>
  )
}
