import { IntentLink } from "@/components/intent-link"

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p>Digital goods for evening people. Every purchase is an instant ZIP download.</p>
        <p className="muted">
          Prices in Australian dollars, including 10&nbsp;% GST for buyers in Australia. Buyers abroad pay no GST.
        </p>
        <p className="muted">
          <IntentLink href="/licence">Licence and refunds</IntentLink> · © {new Date().getFullYear()} Vespertene
        </p>
      </div>
    </footer>
  )
}
