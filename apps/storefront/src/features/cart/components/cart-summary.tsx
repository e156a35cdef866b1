import { formatMoney } from "@/lib/currency"
import type { Totals } from "@/features/checkout/actions"

/** Subtotal, discount, GST and total, in integer cents formatted for AUD. */
export function CartTotals({ totals, pending = false }: { totals: Totals; pending?: boolean }) {
  const { currency, subtotal, discount, tax, total } = totals
  return (
    <table className="summary" aria-busy={pending || undefined} data-testid="cart-totals">
      {discount > 0 ? (
        <tbody>
          <tr>
            <td>Subtotal</td>
            <td className="summary__amount">{formatMoney(subtotal, currency)}</td>
          </tr>
          <tr>
            <td>Discount</td>
            <td className="summary__amount">−{formatMoney(discount, currency)}</td>
          </tr>
        </tbody>
      ) : null}
      <tfoot>
        <tr>
          <th scope="row">Total ({currency})</th>
          <td className="summary__amount" data-testid="cart-total">
            {formatMoney(total, currency)}
          </td>
        </tr>
        <tr>
          <td className="muted">{tax > 0 ? "Includes GST of" : "GST"}</td>
          <td className="summary__amount muted" data-testid="cart-gst">
            {tax > 0 ? formatMoney(tax, currency) : "none (outside Australia)"}
          </td>
        </tr>
      </tfoot>
    </table>
  )
}
