const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")
const http = require("node:http")

MetadataStorage.clear()

// Medusa's test runner calls `app.listen(port)`, which binds every interface.
// Test servers bind loopback only: a listen with just a port gets 127.0.0.1.
const listen = http.Server.prototype.listen
http.Server.prototype.listen = function listenOnLoopback(...args) {
  if (typeof args[0] === "number" && (args.length === 1 || typeof args[1] === "function")) {
    args.splice(1, 0, "127.0.0.1")
  }
  return listen.apply(this, args)
}
