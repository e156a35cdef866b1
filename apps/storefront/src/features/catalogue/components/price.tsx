import { formatMoney } from "@/lib/currency"
import type { CataloguePrice } from "@/lib/medusa/reshape"

export function Price({ price, showGst = false }: { price: CataloguePrice | null; showGst?: boolean }) {
  if (!price) return <span className="price price--missing">Price unavailable</span>
  return (
    <span className="price">
      <span className="price__amount" data-testid="price">
        {formatMoney(price.amount, price.currency)}
      </span>
      {showGst && price.gst > 0 ? (
        <span className="price__tax"> incl. {formatMoney(price.gst, price.currency)} GST</span>
      ) : null}
    </span>
  )
}
