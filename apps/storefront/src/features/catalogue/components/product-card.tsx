import Image from "next/image"
import Link from "next/link"
import type { CatalogueProduct } from "@/lib/medusa/reshape"
import { Price } from "./price"

export function ProductCard({ product, priority = false }: { product: CatalogueProduct; priority?: boolean }) {
  return (
    <article className="card" data-testid="product-card">
      <Link href={`/products/${product.handle}`} className="card__link">
        <div className="card__media">
          {product.image ? (
            <Image
              src={product.image}
              alt=""
              fill
              sizes="(min-width: 1100px) 340px, (min-width: 700px) 45vw, 92vw"
              priority={priority}
            />
          ) : null}
        </div>
        <div className="card__body">
          <h2 className="card__title">{product.title}</h2>
          {product.subtitle ? <p className="card__subtitle">{product.subtitle}</p> : null}
          <Price price={product.price} />
        </div>
      </Link>
    </article>
  )
}
