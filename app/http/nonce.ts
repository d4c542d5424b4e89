import { createContext } from "react";

/**
 * The Content-Security-Policy nonce of the page being rendered, for the inline scripts React Router
 * writes. Browsers hide a nonce from the DOM, so the hydrating client's empty value matches.
 */
export const NonceContext = createContext("");
