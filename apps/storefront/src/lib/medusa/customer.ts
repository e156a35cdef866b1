import "server-only"
import { FetchError } from "@medusajs/js-sdk"
import { clientContextHeaders } from "./client-context"
import { sdk } from "./sdk"

/**
 * Customer accounts against Medusa, called only from the Next server. Results, not exceptions:
 * every failure comes back with the backend's status so the UI can say what went wrong.
 */

export type Customer = { id: string; email: string; first_name: string | null; last_name: string | null }
export type Result<T> = { ok: true; value: T } | { ok: false; status: number; message: string; retryAfter?: number }

/** A kept-alive connection the backend closed just as it was reused: the request never arrived. */
function isStaleConnection(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } })?.cause?.code
  return code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE"
}

export async function call<T>(
  path: string,
  init: { method?: string; body?: unknown; token?: string; /** The route answers with no JSON body. */ noBody?: boolean } = {},
): Promise<Result<T>> {
  const request = async () =>
    sdk.client.fetch<T>(path, {
      method: init.method ?? "GET",
      body: init.body as Record<string, unknown> | undefined,
      headers: {
        ...(await clientContextHeaders()),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.noBody ? { accept: "*/*" } : {}),
      },
      cache: "no-store",
    })
  try {
    let value: T
    try {
      value = await request()
    } catch (error) {
      if (!isStaleConnection(error)) throw error
      value = await request()
    }
    return { ok: true, value }
  } catch (error) {
    if (error instanceof FetchError) {
      const retryAfter = /try again in (\d+)/i.exec(error.message)?.[1]
      return { ok: false, status: error.status ?? 500, message: error.message, retryAfter: retryAfter ? Number(retryAfter) : undefined }
    }
    // The backend could not be reached at all: say so instead of failing the page.
    console.error(`Medusa ${init.method ?? "GET"} ${path} failed:`, error)
    return { ok: false, status: 503, message: "The shop could not be reached. Please try again in a moment." }
  }
}

export async function signInWithPassword(email: string, password: string): Promise<Result<string>> {
  const result = await call<{ token: string }>("/auth/customer/emailpass", { method: "POST", body: { email, password } })
  return result.ok ? { ok: true, value: result.value.token } : result
}

/** The customer a token signs in ("" for a login that has no customer record yet). Read, not verified: it came from the backend. */
function customerOfToken(token: string): string {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as { actor_id?: string }
    return payload.actor_id ?? ""
  } catch {
    return ""
  }
}

/**
 * Creates the login, then the customer record, then signs in. A login left without its customer
 * record (an earlier attempt stopped between the two) is finished by its owner: with the right
 * password, registering again creates the record instead of answering "already exists".
 */
export async function registerCustomer(input: {
  email: string
  password: string
  first_name: string
  last_name: string
}): Promise<Result<string>> {
  const registered = await call<{ token: string }>("/auth/customer/emailpass/register", {
    method: "POST",
    body: { email: input.email, password: input.password },
  })
  let token: string
  if (registered.ok) token = registered.value.token
  else {
    if (!/already exists/i.test(registered.message)) return registered
    const signedIn = await signInWithPassword(input.email, input.password)
    if (!signedIn.ok || customerOfToken(signedIn.value) !== "") return registered
    token = signedIn.value
  }
  const created = await call<{ customer: Customer }>("/store/customers", {
    method: "POST",
    token,
    body: { email: input.email, first_name: input.first_name, last_name: input.last_name },
  })
  if (!created.ok) return created
  return signInWithPassword(input.email, input.password)
}

export async function getCustomer(token: string): Promise<Result<Customer>> {
  const result = await call<{ customer: Customer }>("/store/customers/me?fields=id,email,first_name,last_name", { token })
  return result.ok ? { ok: true, value: result.value.customer } : result
}

export async function updateCustomer(token: string, data: { first_name: string; last_name: string }): Promise<Result<Customer>> {
  const result = await call<{ customer: Customer }>("/store/customers/me", { method: "POST", token, body: data })
  return result.ok ? { ok: true, value: result.value.customer } : result
}

export async function changePassword(token: string, current_password: string, new_password: string): Promise<Result<unknown>> {
  return call("/store/customers/me/password", { method: "POST", token, body: { current_password, new_password } })
}

/** Always answers the same, whether or not the email has an account. */
export async function requestPasswordReset(email: string): Promise<Result<unknown>> {
  return call("/auth/customer/emailpass/reset-password", { method: "POST", body: { identifier: email }, noBody: true })
}

export async function completePasswordReset(token: string, password: string): Promise<Result<unknown>> {
  return call("/store/password-reset", { method: "POST", body: { token, password } })
}
