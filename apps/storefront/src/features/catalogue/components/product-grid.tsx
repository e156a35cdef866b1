import type { CatalogueProduct } from "@/lib/medusa/reshape"
import { ProductCard } from "./product-card"

export function ProductGrid({ products }: { products: CatalogueProduct[] }) {
  if (products.length === 0) {
    return (
      <div className="empty" role="status">
        <h2>Nothing on the shelves yet</h2>
        <p>New downloads are on their way. Check back soon.</p>
      </div>
    )
  }
  return (
    <ul className="grid" aria-label="Products">
      {products.map((product, index) => (
        <li key={product.id}>
          <ProductCard product={product} priority={index < 3} />
        </li>
      ))}
    </ul>
  )
}
