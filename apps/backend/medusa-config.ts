import { defineConfig } from "@medusajs/framework/utils"
import { jwtSettings } from "./src/lib/customer-token"
import { backendEnv } from "./src/lib/env"
import { BILLING_MODULE } from "./src/modules/billing"
import { DIGITAL_FILE_MODULE } from "./src/modules/digital-file"
import { SECURITY_MODULE } from "./src/modules/security"

const env = backendEnv()

/**
 * Scale-out (ADR 0023): with REDIS_URL, events, workflows, locks and the cache go through Redis, so
 * separate server and worker processes (MEDUSA_WORKER_MODE) share them. Without it, one process
 * keeps them in memory.
 */
const redisModules = (redisUrl: string) => [
  { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
  { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
  { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
  {
    resolve: "@medusajs/medusa/locking",
    options: { providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }] },
  },
]

const s3Client = {
  forcePathStyle: true,
  requestChecksumCalculation: "WHEN_REQUIRED",
  responseChecksumValidation: "WHEN_REQUIRED",
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    databaseLogging: false,
    // With Redis, admin sessions live there too, so any server process can serve any staff member.
    redisUrl: env.REDIS_URL,
    workerMode: env.MEDUSA_WORKER_MODE,
    // Admin session cookies are Secure wherever the shop is served over HTTPS (staging,
    // production); development and tests serve the admin over plain http on loopback.
    cookieOptions: { secure: env.APP_ENV === "staging" || env.APP_ENV === "production" },
    http: {
      storeCors: env.STORE_CORS,
      adminCors: env.ADMIN_CORS,
      authCors: env.AUTH_CORS,
      ...jwtSettings(env.JWT_SECRET),
      cookieSecret: env.COOKIE_SECRET,
    },
  },
  admin: {
    disable: env.DISABLE_ADMIN,
    backendUrl: env.MEDUSA_BACKEND_URL,
  },
  // Medusa's Caching Module, with a provider that keeps only the publishable-key lookup (ADR 0029).
  featureFlags: { caching: true },
  modules: [
    ...(env.REDIS_URL ? redisModules(env.REDIS_URL) : []),
    {
      resolve: "@medusajs/medusa/caching",
      options: { providers: [{ resolve: "./src/modules/publishable-key-cache", id: "publishable-key-cache", is_default: true }] },
    },
    {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-s3",
            id: "s3",
            options: {
              file_url: env.S3_PUBLIC_URL,
              access_key_id: env.S3_ACCESS_KEY_ID,
              secret_access_key: env.S3_SECRET_ACCESS_KEY,
              region: env.S3_REGION,
              bucket: env.S3_PUBLIC_BUCKET,
              endpoint: env.S3_ENDPOINT,
              prefix: "images/",
              additional_client_config: s3Client,
            },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "./src/modules/resend",
            id: "resend",
            options: {
              channels: ["email"],
              apiKey: env.RESEND_API_KEY,
              from: env.RESEND_FROM,
              baseUrl: env.RESEND_BASE_URL,
              outboxDir: env.EMAIL_OUTBOX_DIR,
              outboxUrl: `${env.MEDUSA_BACKEND_URL}/dev/outbox`,
            },
          },
        ],
      },
    },
    {
      resolve: "./src/modules/digital-file",
      key: DIGITAL_FILE_MODULE,
      options: {
        endpoint: env.S3_ENDPOINT,
        region: env.S3_REGION,
        bucket: env.S3_PRIVATE_BUCKET,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      },
    },
    { resolve: "./src/modules/security", key: SECURITY_MODULE },
    { resolve: "./src/modules/billing", key: BILLING_MODULE },
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        // Medusa's system provider (pp_system_default) is always registered; only development
        // and test regions ever list it (seed, and the start-up check in the security module).
        providers: env.STRIPE_API_KEY
          ? [
              {
                resolve: "./src/modules/stripe-payment",
                id: "stripe",
                options: {
                  apiKey: env.STRIPE_API_KEY,
                  webhookSecret: env.STRIPE_WEBHOOK_SECRET,
                  capture: true,
                  paymentDescription: "Vespertene order",
                },
              },
            ]
          : [],
      },
    },
  ],
})
