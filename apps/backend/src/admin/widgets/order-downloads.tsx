import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../lib/sdk"

type Entitlement = {
  id: string
  product_title: string
  file_name: string | null
  status: "active" | "revoked"
  revoked_at: string | null
  revoked_reason: string | null
  download_count: number
  downloads: Array<{ id: string; at: string; ip_hash: string | null; user_agent: string | null }>
}

const when = (iso: string) => new Date(iso).toLocaleString()

/** "Chrome on Windows" from a user-agent string: what staff need to recognise a device. */
export function browserName(userAgent: string | null): string {
  if (!userAgent) return "an unknown browser"
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "a browser"
  const system = /iPhone|iPad/.test(userAgent)
    ? "iPhone or iPad"
    : /Android/.test(userAgent)
      ? "Android"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(userAgent)
          ? "Mac"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null
  return system ? `${browser} on ${system}` : browser
}

/** On each order page: what the buyer may download, how often they did, and the staff actions. */
const OrderDownloadsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const [openLog, setOpenLog] = useState<string | null>(null)
  const key = ["order-entitlements", order.id]
  const { data, isLoading, isError } = useQuery({
    queryKey: key,
    queryFn: () => sdk.client.fetch<{ download_limit: number; entitlements: Entitlement[] }>(`/admin/orders/${order.id}/entitlements`),
  })
  const refresh = () => queryClient.invalidateQueries({ queryKey: key })

  const setStatus = useMutation({
    mutationFn: ({ id, action }: { id: string; action: "revoke" | "reinstate" }) =>
      sdk.client.fetch<{ changed: number }>(`/admin/entitlements/${id}/${action}`, { method: "POST", body: {} }),
    onSuccess: (result, { action }) => {
      // Nothing changed: someone else (or a refund) got there first.
      if (result.changed === 0) toast.info(action === "revoke" ? "That download was already revoked" : "That download was already active")
      else toast.success(action === "revoke" ? "Access revoked" : "Access reinstated")
      void refresh()
    },
    onError: (error: Error) => toast.error(error.message),
  })
  const resetCount = useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/entitlements/${id}/reset-downloads`, { method: "POST", body: {} }),
    onSuccess: () => {
      toast.success(`Download count reset: the customer can download it ${limit} more times`)
      void refresh()
    },
    onError: (error: Error) => toast.error(error.message),
  })
  const resend = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ sent: number; to: string | null }>(`/admin/orders/${order.id}/resend-downloads`, { method: "POST", body: {} }),
    onSuccess: (result) => toast.success(result.to ? `Download email sent again to ${result.to}` : "Download email sent again"),
    onError: (error: Error) => toast.error(error.message),
  })

  const revoke = async (entitlement: Entitlement) => {
    const confirmed = await prompt({
      title: `Revoke access to ${entitlement.product_title}?`,
      description: "The customer will no longer be able to download this file. You can reinstate it later.",
      confirmText: "Revoke",
      cancelText: "Cancel",
    })
    if (confirmed) setStatus.mutate({ id: entitlement.id, action: "revoke" })
  }

  const entitlements = data?.entitlements ?? []
  const limit = data?.download_limit ?? 0
  const anyActive = entitlements.some((e) => e.status === "active")
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Downloads</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What the customer can download from this order.
          </Text>
        </div>
        <Button size="small" variant="secondary" isLoading={resend.isPending} disabled={!anyActive} onClick={() => resend.mutate()}>
          Resend download email
        </Button>
      </div>
      {isLoading ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Loading downloads…</Text>
      ) : isError ? (
        <Text className="px-6 py-4 text-ui-fg-error">The downloads could not be loaded. Reload the page to try again.</Text>
      ) : entitlements.length === 0 ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">This order has no downloads (yet).</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Product</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Downloads</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Actions</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {entitlements.map((entitlement) => (
              <Table.Row key={entitlement.id}>
                <Table.Cell>
                  <Text size="small" weight="plus">
                    {entitlement.product_title}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {entitlement.file_name}
                  </Text>
                  {openLog === entitlement.id ? (
                    <ul className="mt-2 space-y-1" aria-label={`Download log of ${entitlement.product_title}`}>
                      {entitlement.downloads.length === 0 ? <li className="text-ui-fg-subtle">Not downloaded yet</li> : null}
                      {entitlement.downloads.length > 0 ? (
                        <li className="text-ui-fg-muted text-xs">When, on what, and from where (the same place code means the same network).</li>
                      ) : null}
                      {entitlement.downloads.map((d) => (
                        <li key={d.id} className="text-ui-fg-subtle text-xs" title={d.user_agent ?? undefined}>
                          {when(d.at)} · {browserName(d.user_agent)} · place {d.ip_hash?.slice(0, 6) ?? "unknown"}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </Table.Cell>
                <Table.Cell>
                  {entitlement.status === "active" && limit > 0 && entitlement.download_count >= limit ? (
                    <Badge color="orange" size="2xsmall">
                      Limit reached
                    </Badge>
                  ) : (
                    <Badge color={entitlement.status === "active" ? "green" : "red"} size="2xsmall">
                      {entitlement.status === "active" ? "Active" : "Revoked"}
                    </Badge>
                  )}
                  {entitlement.revoked_reason ? (
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {entitlement.revoked_reason}
                    </Text>
                  ) : null}
                </Table.Cell>
                <Table.Cell>
                  <Button size="small" variant="transparent" onClick={() => setOpenLog(openLog === entitlement.id ? null : entitlement.id)}>
                    {entitlement.download_count} of {limit} · {openLog === entitlement.id ? "hide log" : "show log"}
                  </Button>
                </Table.Cell>
                <Table.Cell className="text-right">
                  <div className="flex justify-end gap-2">
                    {entitlement.download_count > 0 ? (
                      <Button
                        size="small"
                        variant="secondary"
                        isLoading={resetCount.isPending && resetCount.variables === entitlement.id}
                        disabled={resetCount.isPending}
                        onClick={() => resetCount.mutate(entitlement.id)}
                      >
                        Reset count
                      </Button>
                    ) : null}
                    {entitlement.status === "active" ? (
                      <Button size="small" variant="danger" disabled={setStatus.isPending} onClick={() => void revoke(entitlement)}>
                        Revoke
                      </Button>
                    ) : (
                      <Button
                        size="small"
                        variant="secondary"
                        disabled={setStatus.isPending}
                        onClick={() => setStatus.mutate({ id: entitlement.id, action: "reinstate" })}
                      >
                        Reinstate
                      </Button>
                    )}
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default OrderDownloadsWidget
