import { ProductGrid } from "@/features/catalogue/components/product-grid"
import { listProducts } from "@/lib/medusa/catalogue"
import { requireVisitorInPrivateMode } from "@/lib/private-catalogue"

export default async function HomePage() {
  await requireVisitorInPrivateMode("/")
  const products = await listProducts()
  return (
    <>
      <section className="hero">
        <h1>Digital goods for evening people</h1>
        <p>Textures, type, presets and sounds made after dark. Pay once, download instantly, keep forever.</p>
      </section>
      <ProductGrid products={products} />
    </>
  )
}
