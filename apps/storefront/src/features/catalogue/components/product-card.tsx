import { getImageProps } from "next/image"
import { IntentLink } from "@/components/intent-link"
import type { CatalogueProduct } from "@/lib/medusa/reshape"
import { Price } from "./price"

/**
 * The card's cover is a plain <img> with the optimiser's srcset (getImageProps): next/image is a
 * client component, and six of them on the home page cost hydration work on a phone for nothing
 * they do after the image has loaded.
 */
export function ProductCard({ product, priority = false }: { product: CatalogueProduct; priority?: boolean }) {
  const cover = product.image
    ? getImageProps({
        src: product.image,
        alt: "",
        fill: true,
        sizes: "(min-width: 1100px) 340px, (min-width: 700px) 45vw, 92vw",
        loading: priority ? "eager" : "lazy",
        fetchPriority: priority ? "high" : undefined,
      }).props
    : null
  return (
    <article className="card" data-testid="product-card">
      <IntentLink href={`/products/${product.handle}`} className="card__link">
        <div className="card__media">{cover ? <img {...cover} alt="" /> : null}</div>
        <div className="card__body">
          <h2 className="card__title">{product.title}</h2>
          {product.subtitle ? <p className="card__subtitle">{product.subtitle}</p> : null}
          <Price price={product.price} />
        </div>
      </IntentLink>
    </article>
  )
}
