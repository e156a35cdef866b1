import { Button, Heading, Link, Text } from "@react-email/components"
import { Layout, button, heading, small, text } from "./layout"

export type StaffInviteProps = { acceptUrl: string; expiresAt: string | null }

export function StaffInviteEmail({ acceptUrl, expiresAt }: StaffInviteProps) {
  return (
    <Layout preview="You're invited to the Vespertene admin">
      <Heading as="h1" style={heading}>
        Join the Vespertene team
      </Heading>
      <Text style={text}>
        You&apos;ve been invited to the Vespertene admin, where the team manages products, orders and customers.
      </Text>
      <Button href={acceptUrl} style={button}>
        Accept the invitation
      </Button>
      <Text style={small}>
        {expiresAt ? `The invitation is valid until ${expiresAt}. ` : ""}If the button does not work, paste this
        address into your browser: <Link href={acceptUrl}>{acceptUrl}</Link>
      </Text>
    </Layout>
  )
}
