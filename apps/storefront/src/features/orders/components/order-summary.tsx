import { formatMoney } from "@/lib/currency"
import type { Order } from "@/lib/medusa/order-shape"

/** An order's lines and total, with the GST it includes (or that none applies to an export). */
export function OrderSummary({ order }: { order: Order }) {
  const { currency, total, tax, refunded, items } = order
  return (
    <table className="summary">
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td>{item.title}</td>
            <td className="summary__amount">{formatMoney(item.total, currency)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="summary__amount" data-testid="order-total">
            {formatMoney(total, currency)}
          </td>
        </tr>
        <tr>
          <td className="muted">{tax > 0 ? "Includes GST of" : "GST"}</td>
          <td className="summary__amount muted">{tax > 0 ? formatMoney(tax, currency) : "none (export)"}</td>
        </tr>
        {refunded > 0 ? (
          <tr>
            <th scope="row">Refunded</th>
            <td className="summary__amount" data-testid="order-refunded">
              −{formatMoney(refunded, currency)}
            </td>
          </tr>
        ) : null}
      </tfoot>
    </table>
  )
}
