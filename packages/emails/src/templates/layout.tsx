import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components"
import type { ReactNode } from "react"

/** The shop's look for every email: table-based markup that real mail clients render. */
export const colours = {
  background: "#0f0d1a",
  panel: "#ffffff",
  ink: "#1d1830",
  muted: "#6b6580",
  accent: "#c9782a",
}

export function Layout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en-AU">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f4f2f8", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ maxWidth: "560px", margin: "0 auto" }}>
          <Section style={{ backgroundColor: colours.background, borderRadius: "12px 12px 0 0", padding: "20px 28px" }}>
            <Text style={{ color: "#ffc47a", fontFamily: "Georgia, serif", fontSize: "22px", margin: 0 }}>Vespertene</Text>
          </Section>
          <Section style={{ backgroundColor: colours.panel, borderRadius: "0 0 12px 12px", padding: "28px" }}>
            {children}
            <Hr style={{ borderColor: "#e6e2ee", margin: "28px 0 16px" }} />
            <Text style={{ color: colours.muted, fontSize: "12px", lineHeight: "18px", margin: 0 }}>
              Vespertene · digital goods for evening people. You received this email because of an action on
              your account; if it wasn&apos;t you, you can ignore it.
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  )
}

export const text = { color: colours.ink, fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" }
export const heading = { color: colours.ink, fontFamily: "Georgia, serif", fontSize: "24px", lineHeight: "30px", margin: "0 0 16px" }
export const button = {
  backgroundColor: colours.accent,
  borderRadius: "999px",
  color: "#ffffff",
  display: "inline-block",
  fontSize: "16px",
  fontWeight: 700,
  padding: "12px 24px",
  textDecoration: "none",
}
export const small = { color: colours.muted, fontSize: "13px", lineHeight: "20px", margin: "16px 0 0", wordBreak: "break-all" as const }
