/**
 * A fake Stripe.js, only for the offline browser tests: Playwright serves it for
 * `https://js.stripe.com/**`, where @stripe/stripe-js's `loadStripe()` looks for Stripe.js.
 * It mirrors the subset of Stripe.js the checkout uses — `elements()` with a Payment Element,
 * `confirmPayment`, `retrievePaymentIntent`, `handleNextAction` — and drives the local Stripe
 * stand-in (@vespertene/devstack/stripe) instead of Stripe. The Payment Element is plain,
 * accessible inputs (no iframe), and 3-D Secure is an in-page dialog with two buttons.
 */
export function fakeStripeJs(standInUrl: string): string {
  // String.raw keeps the script's regular expressions' backslashes as written.
  return String.raw`(function () {
  "use strict";
  var API = ${JSON.stringify(standInUrl.replace(/\/+$/, ""))};
  var UNSUPPORTED = { error: { type: "invalid_request_error", message: "not supported by the test stand-in" } };
  var SUCCEEDED = ["succeeded", "requires_capture", "processing"];
  var nextId = 0;

  function integrationError(message) {
    var error = new Error(message);
    error.name = "IntegrationError";
    return error;
  }

  function luhn(number) {
    var sum = 0;
    for (var i = 0; i < number.length; i++) {
      var digit = Number(number[number.length - 1 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    return sum % 10 === 0;
  }

  /** Stripe's own client-side checks and messages; null when the card details are complete. */
  function validate(card) {
    var number = card.number.replace(/\s+/g, "");
    if (!number) return { code: "incomplete_number", message: "Your card number is incomplete." };
    if (!/^\d{12,19}$/.test(number) || !luhn(number)) return { code: "invalid_number", message: "Your card number is invalid." };
    var expiry = card.expiry.replace(/\s+/g, "").match(/^(\d{2})\/?(\d{2})$/);
    if (!expiry || Number(expiry[1]) < 1 || Number(expiry[1]) > 12)
      return { code: "incomplete_expiry", message: "Your card's expiration date is incomplete." };
    var now = new Date();
    if ((2000 + Number(expiry[2])) * 12 + Number(expiry[1]) < now.getFullYear() * 12 + now.getMonth() + 1)
      return { code: "invalid_expiry_year_past", message: "Your card's expiration year is in the past." };
    if (!/^\d{3,4}$/.test(card.cvc.trim())) return { code: "incomplete_cvc", message: "Your card's security code is incomplete." };
    return null;
  }

  /** Calls the stand-in; resolves { object } or { error } (a Stripe error object), never rejects. */
  async function call(method, path, params) {
    var query = new URLSearchParams();
    Object.keys(params).forEach(function (name) {
      if (params[name] !== undefined && params[name] !== null && params[name] !== "") query.append(name, String(params[name]));
    });
    var init = method === "GET" ? { method: method }
      : { method: method, headers: { "content-type": "application/x-www-form-urlencoded" }, body: query.toString() };
    try {
      var res = await fetch(API + path + (method === "GET" ? "?" + query.toString() : ""), init);
      var json = await res.json();
      return res.ok ? { object: json } : { error: json.error };
    } catch (e) {
      return { error: { type: "api_connection_error", message: "The Stripe stand-in could not be reached." } };
    }
  }

  function intentId(clientSecret) {
    return String(clientSecret).split("_secret_")[0];
  }

  /** The test bank's 3-D Secure page, as an in-page dialog. Resolves with the outcome the tester clicks. */
  function authenticate(key, clientSecret) {
    return new Promise(function (resolve) {
      var backdrop = document.createElement("div");
      backdrop.setAttribute("style", "position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center");
      var dialog = document.createElement("div");
      dialog.setAttribute("role", "dialog");
      dialog.setAttribute("aria-modal", "true");
      dialog.setAttribute("aria-label", "3D Secure authentication");
      dialog.setAttribute("style", "background:#fff;color:#000;padding:24px;border-radius:8px;display:grid;gap:12px");
      var text = document.createElement("p");
      text.textContent = "Test bank: authenticate this payment";
      dialog.appendChild(text);
      [["complete", "Complete authentication"], ["fail", "Fail authentication"]].forEach(function (choice) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = choice[1];
        button.addEventListener("click", async function () {
          backdrop.remove();
          var result = await call("POST", "/v1/payment_intents/" + intentId(clientSecret) + "/three_d_secure", {
            key: key, client_secret: clientSecret, outcome: choice[0],
          });
          resolve(result.error ? { error: result.error } : { paymentIntent: result.object });
        }, { once: true });
        dialog.appendChild(button);
      });
      backdrop.appendChild(dialog);
      document.body.appendChild(backdrop);
      dialog.querySelector("button").focus();
    });
  }

  function createPaymentElement() {
    var listeners = {};
    var root = null;
    var fields = {};
    var alert = null;
    function emit(event, payload) {
      (listeners[event] || []).slice().forEach(function (handler) { handler(payload); });
    }
    function values() {
      return {
        number: fields.number ? fields.number.value : "",
        expiry: fields.expiry ? fields.expiry.value : "",
        cvc: fields.cvc ? fields.cvc.value : "",
      };
    }
    function field(label, name, attributes) {
      var id = "fake-stripe-" + name + "-" + ++nextId;
      var wrapper = document.createElement("div");
      var labelEl = document.createElement("label");
      labelEl.htmlFor = id;
      labelEl.textContent = label;
      var input = document.createElement("input");
      input.id = id;
      input.type = "text";
      Object.keys(attributes).forEach(function (attribute) { input.setAttribute(attribute, attributes[attribute]); });
      input.addEventListener("input", function () {
        var card = values();
        var error = validate(card);
        if (alert.textContent) alert.textContent = error ? error.message : "";
        emit("change", { elementType: "payment", empty: !card.number && !card.expiry && !card.cvc, complete: !error, value: { type: "card" } });
      });
      input.addEventListener("focus", function () { emit("focus", { elementType: "payment" }); });
      input.addEventListener("blur", function () { emit("blur", { elementType: "payment" }); });
      wrapper.append(labelEl, input);
      root.appendChild(wrapper);
      fields[name] = input;
    }
    var element = {
      destroyed: false,
      mount: function (target) {
        var host = typeof target === "string" ? document.querySelector(target) : target;
        if (!host) throw integrationError("The selector you specified (" + target + ") applies to no DOM elements.");
        root = document.createElement("div");
        root.setAttribute("data-testid", "fake-payment-element");
        field("Card number", "number", { autocomplete: "cc-number", inputmode: "numeric", placeholder: "1234 1234 1234 1234" });
        field("Expiration date", "expiry", { autocomplete: "cc-exp", inputmode: "numeric", placeholder: "MM / YY" });
        field("Security code", "cvc", { autocomplete: "cc-csc", inputmode: "numeric", placeholder: "CVC" });
        alert = document.createElement("p");
        alert.setAttribute("role", "alert");
        root.appendChild(alert);
        host.appendChild(root);
        setTimeout(function () { emit("ready", { elementType: "payment" }); }, 0);
      },
      on: function (event, handler) { (listeners[event] = listeners[event] || []).push(handler); return element; },
      off: function (event, handler) {
        listeners[event] = handler ? (listeners[event] || []).filter(function (h) { return h !== handler; }) : [];
        return element;
      },
      once: function (event, handler) {
        var wrapped = function (payload) { element.off(event, wrapped); handler(payload); };
        return element.on(event, wrapped);
      },
      update: function () {},
      unmount: function () { if (root) root.remove(); root = null; fields = {}; },
      destroy: function () { element.unmount(); element.destroyed = true; listeners = {}; },
      focus: function () { if (fields.number) fields.number.focus(); },
      blur: function () { if (document.activeElement && root && root.contains(document.activeElement)) document.activeElement.blur(); },
      collapse: function () {},
      // For confirmPayment: the entered details, and showing an error inline.
      card: values,
      showError: function (message) { if (alert) alert.textContent = message; },
    };
    return element;
  }

  window.Stripe = function Stripe(publishableKey) {
    if (typeof publishableKey !== "string" || !/^pk_/.test(publishableKey))
      throw integrationError("Invalid value for Stripe(): apiKey should be a publishable key (pk_...).");
    var key = publishableKey;
    var stateOf = new WeakMap();

    /** Validates the Payment Element, showing the problem inline; the validation error, or null. */
    function check(state) {
      var element = state.element;
      if (!element || element.destroyed) return { type: "validation_error", message: "The Payment Element is not mounted." };
      var error = validate(element.card());
      element.showError(error ? error.message : "");
      return error ? { type: "validation_error", code: error.code, message: error.message } : null;
    }

    /** Handles a PaymentIntent after confirmation: 3-D Secure if asked for, then the outcome. */
    async function settle(paymentIntent, clientSecret) {
      if (paymentIntent.status === "requires_action") return authenticate(key, clientSecret);
      return { paymentIntent: paymentIntent };
    }

    var stripe = {
      _registerWrapper: function () {},
      registerAppInfo: function () {},

      elements: function (elementsOptions) {
        var state = {
          clientSecret: (elementsOptions && elementsOptions.clientSecret) || null,
          deferred: !(elementsOptions && elementsOptions.clientSecret),
          amount: elementsOptions && elementsOptions.amount,
          currency: elementsOptions && elementsOptions.currency,
          submitted: false,
          element: null,
        };
        var elements = {
          create: function (type) {
            if (type !== "payment") throw integrationError("The fake Stripe.js supports only the \"payment\" element, not \"" + type + "\".");
            if (state.element && !state.element.destroyed) throw integrationError("Can only create one Element of type payment.");
            state.element = createPaymentElement();
            return state.element;
          },
          getElement: function (type) {
            return type === "payment" && state.element && !state.element.destroyed ? state.element : null;
          },
          update: function (update) {
            if (update && update.amount !== undefined) state.amount = update.amount;
            if (update && update.currency !== undefined) state.currency = update.currency;
          },
          submit: async function () {
            var error = check(state);
            state.submitted = !error;
            return error ? { error: error } : { selectedPaymentMethod: "card" };
          },
          fetchUpdates: function () { return Promise.resolve({}); },
        };
        stateOf.set(elements, state);
        return elements;
      },

      confirmPayment: async function (args) {
        var state = stateOf.get(args.elements);
        if (!state) throw integrationError("stripe.confirmPayment(): please pass the Elements instance this Stripe created.");
        var clientSecret = args.clientSecret || state.clientSecret;
        if (!clientSecret) throw integrationError("stripe.confirmPayment(): the clientSecret argument is required when Elements was created without one.");
        if (state.deferred && !state.submitted)
          throw integrationError("elements.submit() must be called before stripe.confirmPayment().");
        var confirmParams = args.confirmParams || {};
        var redirect = args.redirect || "always";
        if (redirect !== "if_required" && !confirmParams.return_url)
          throw integrationError("stripe.confirmPayment(): the confirmParams.return_url argument is required unless passing redirect: 'if_required'.");
        var invalid = check(state);
        if (invalid) return { error: invalid };

        var card = state.element.card();
        var expiry = card.expiry.replace(/\s+/g, "").match(/^(\d{2})\/?(\d{2})$/);
        var billing = (confirmParams.payment_method_data && confirmParams.payment_method_data.billing_details) || {};
        var params = {
          key: key,
          client_secret: clientSecret,
          "payment_method_data[type]": "card",
          "payment_method_data[card][number]": card.number.replace(/\s+/g, ""),
          "payment_method_data[card][exp_month]": expiry[1],
          "payment_method_data[card][exp_year]": "20" + expiry[2],
          "payment_method_data[card][cvc]": card.cvc.trim(),
          "payment_method_data[billing_details][name]": billing.name,
          "payment_method_data[billing_details][email]": billing.email,
          "payment_method_data[billing_details][phone]": billing.phone,
          return_url: confirmParams.return_url,
        };
        Object.keys(billing.address || {}).forEach(function (part) {
          params["payment_method_data[billing_details][address][" + part + "]"] = billing.address[part];
        });
        var confirmed = await call("POST", "/v1/payment_intents/" + intentId(clientSecret) + "/confirm", params);
        if (confirmed.error) return { error: confirmed.error };
        var result = await settle(confirmed.object, clientSecret);
        if (result.error || redirect === "if_required" || SUCCEEDED.indexOf(result.paymentIntent.status) < 0) return result;
        // Like Stripe.js: leave for the return URL, and never resolve.
        var url = confirmParams.return_url;
        window.location.assign(url + (url.indexOf("?") >= 0 ? "&" : "?") + "payment_intent=" + encodeURIComponent(result.paymentIntent.id) +
          "&payment_intent_client_secret=" + encodeURIComponent(clientSecret) + "&redirect_status=succeeded");
        return new Promise(function () {});
      },

      retrievePaymentIntent: async function (clientSecret) {
        var result = await call("GET", "/v1/payment_intents/" + intentId(clientSecret), { client_secret: clientSecret, key: key });
        return result.error ? { error: result.error } : { paymentIntent: result.object };
      },

      handleNextAction: async function (args) {
        var retrieved = await stripe.retrievePaymentIntent(args.clientSecret);
        return retrieved.error ? retrieved : settle(retrieved.paymentIntent, args.clientSecret);
      },

      createToken: function () { return Promise.resolve(UNSUPPORTED); },
      createPaymentMethod: function () { return Promise.resolve(UNSUPPORTED); },
      confirmCardPayment: function () { return Promise.resolve(UNSUPPORTED); },
      confirmSetup: function () { return Promise.resolve(UNSUPPORTED); },
      paymentRequest: function () {
        return { canMakePayment: function () { return Promise.resolve(null); }, on: function () {}, show: function () {}, update: function () {} };
      },
    };
    return stripe;
  };
  window.Stripe.version = "endive";
})();
`
}
