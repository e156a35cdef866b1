import type { NextConfig } from "next"
import { env } from "./src/env"

const { APP_ENV, IMAGE_ORIGINS } = env()

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    remotePatterns: IMAGE_ORIGINS.map((origin) => ({
      protocol: origin.protocol.replace(":", "") as "http" | "https",
      hostname: origin.hostname,
      port: origin.port,
      pathname: `${origin.pathname.replace(/\/$/, "")}/**`,
    })),
    // The local object store listens on 127.0.0.1; only development and tests fetch images there.
    dangerouslyAllowLocalIP: APP_ENV === "development" || APP_ENV === "test",
    formats: ["image/avif", "image/webp"],
  },
}

export default config
