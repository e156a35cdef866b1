import type { Metadata } from "next"
import Image from "next/image"
import { notFound } from "next/navigation"
import { AddToCart } from "@/features/cart/components/add-to-cart"
import { FileFacts } from "@/features/catalogue/components/file-facts"
import { Price } from "@/features/catalogue/components/price"
import { getProduct, listProducts } from "@/lib/medusa/catalogue"
import { requireVisitorInPrivateMode } from "@/lib/private-catalogue"
import { PRIVATE_BUILD } from "@/lib/private-mode"

type Props = { params: Promise<{ handle: string }> }

const HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

// Every product on sale is prerendered at build; one added later is rendered on its first request;
// all are then served from the cache (ADR 0026). A private build has no static params, so its
// product pages render per visitor behind the session check (ADR 0027).
export const dynamicParams = true
export const generateStaticParams = PRIVATE_BUILD
  ? undefined
  : async () => (await listProducts()).map((product) => ({ handle: product.handle }))

async function load(handle: string) {
  if (!HANDLE.test(handle) || handle.length > 200) return null
  return getProduct(handle)
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle } = await params
  await requireVisitorInPrivateMode(`/products/${handle}`)
  const product = await load(handle)
  if (!product) return { title: "Product not found" }
  return { title: product.title, description: product.subtitle ?? product.description ?? undefined }
}

export default async function ProductPage({ params }: Props) {
  const { handle } = await params
  await requireVisitorInPrivateMode(`/products/${handle}`)
  const product = await load(handle)
  if (!product) notFound()

  return (
    <article className="product">
      <div className="product__media">
        {product.image ? (
          <Image src={product.image} alt={`${product.title} cover art`} fill sizes="(min-width: 900px) 50vw, 92vw" priority />
        ) : null}
      </div>
      <div className="product__info">
        <h1>{product.title}</h1>
        {product.subtitle ? <p className="product__subtitle">{product.subtitle}</p> : null}
        <p className="product__price">
          <Price price={product.price} showGst />
        </p>
        {product.description ? <p className="product__description">{product.description}</p> : null}
        {product.variantId && product.price ? (
          <AddToCart variantId={product.variantId} title={product.title} />
        ) : (
          <p className="muted">Not available to buy right now.</p>
        )}
        <FileFacts file={product.file} />
        <p className="muted">Instant download after purchase, from your account at any time.</p>
      </div>
    </article>
  )
}
