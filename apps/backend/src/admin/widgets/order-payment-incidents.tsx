import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

type Incident = {
  id: string
  kind: "refund" | "dispute"
  stripe_id: string
  status: string
  reason: string | null
  amount_display: string
  created_at: string
}

/** Stripe's refund and dispute statuses in staff's words. */
const STATUS: Record<string, { label: string; color: "green" | "orange" | "red" | "grey" }> = {
  succeeded: { label: "Refunded", color: "grey" },
  pending: { label: "Refund on its way", color: "orange" },
  requires_action: { label: "Refund needs action in Stripe", color: "red" },
  failed: { label: "Refund failed", color: "red" },
  canceled: { label: "Refund cancelled", color: "grey" },
  needs_response: { label: "Needs your response", color: "red" },
  warning_needs_response: { label: "Inquiry: needs your response", color: "red" },
  under_review: { label: "Under review", color: "orange" },
  warning_under_review: { label: "Inquiry under review", color: "orange" },
  warning_closed: { label: "Inquiry closed", color: "grey" },
  won: { label: "Won", color: "green" },
  lost: { label: "Lost", color: "red" },
}

/**
 * Refunds and disputes that arrived from Stripe (its dashboard, or the buyer's bank). Downloads
 * they cover are revoked automatically; a won dispute gives them back.
 */
const OrderPaymentIncidentsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, isError } = useQuery({
    queryKey: ["order-payment-incidents", order.id],
    queryFn: () => sdk.client.fetch<{ payment_incidents: Incident[] }>(`/admin/orders/${order.id}/payment-incidents`),
  })
  const incidents = data?.payment_incidents ?? []
  if (!isLoading && !isError && incidents.length === 0) return null
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Stripe refunds and disputes</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Reported by Stripe. Covered downloads are revoked automatically; respond to disputes in the Stripe dashboard.
        </Text>
      </div>
      {isLoading ? <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text> : null}
      {isError ? <Text className="px-6 py-4 text-ui-fg-error">Could not load Stripe refunds and disputes.</Text> : null}
      {incidents.map((incident) => {
        const status = STATUS[incident.status] ?? { label: incident.status, color: "grey" as const }
        return (
          <div key={incident.id} className="flex items-start justify-between gap-4 px-6 py-3">
            <div>
              <Text size="small" weight="plus">
                {incident.kind === "refund" ? "Refund" : "Dispute"} of {incident.amount_display}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {new Date(incident.created_at).toLocaleString()} · Stripe reference {incident.stripe_id}
                {incident.reason ? ` · ${incident.reason.replace(/_/g, " ")}` : ""}
              </Text>
            </div>
            <Badge color={status.color} size="2xsmall">
              {status.label}
            </Badge>
          </div>
        )
      })}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderPaymentIncidentsWidget
