import { Button, Heading, Text } from "@react-email/components"
import { Layout, button, heading, text } from "./layout"

export type CustomerWelcomeProps = { firstName: string | null; shopUrl: string; accountUrl: string }

export function CustomerWelcomeEmail({ firstName, shopUrl, accountUrl }: CustomerWelcomeProps) {
  return (
    <Layout preview="Welcome to Vespertene">
      <Heading as="h1" style={heading}>
        Welcome{firstName ? `, ${firstName}` : ""}
      </Heading>
      <Text style={text}>
        Your Vespertene account is ready. Everything you buy appears in your downloads library, ready to download
        again whenever you need it.
      </Text>
      <Button href={shopUrl} style={button}>
        Browse the shop
      </Button>
      <Text style={{ ...text, margin: "20px 0 0" }}>
        Your account: <a href={accountUrl}>{accountUrl}</a>
      </Text>
    </Layout>
  )
}
