import type { Metadata } from "next"
import type { ReactNode } from "react"
import { SiteFooter } from "@/components/site-footer"
import { SiteHeader } from "@/components/site-header"
import "./globals.css"

export const metadata: Metadata = {
  title: { default: "Vespertene: digital goods for evening people", template: "%s · Vespertene" },
  description: "Textures, fonts, presets, icons and sounds, delivered as instant ZIP downloads.",
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-AU">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="container main">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
