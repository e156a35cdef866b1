import { Button, Heading, Link, Text } from "@react-email/components"
import { Layout, button, heading, small, text } from "./layout"

export type PasswordResetProps = {
  resetUrl: string
  /** Customers reset in the storefront, staff in the Medusa admin. */
  audience: "customer" | "staff"
  expiresInMinutes: number
}

export function PasswordResetEmail({ resetUrl, audience, expiresInMinutes }: PasswordResetProps) {
  const where = audience === "staff" ? "the Vespertene admin" : "your Vespertene account"
  return (
    <Layout preview={`Reset your password for ${where}`}>
      <Heading as="h1" style={heading}>
        Reset your password
      </Heading>
      <Text style={text}>Someone (hopefully you) asked to reset the password for {where}.</Text>
      <Button href={resetUrl} style={button}>
        Choose a new password
      </Button>
      <Text style={small}>
        The link works for {expiresInMinutes} minutes. If the button does not work, paste this address into your
        browser: <Link href={resetUrl}>{resetUrl}</Link>
      </Text>
      <Text style={small}>If you did not ask for this, ignore this email: your password stays as it is.</Text>
    </Layout>
  )
}
