/**
 * A loading state for this dynamic page only. Catalogue pages have none: they arrive whole from
 * the cache, and a fallback in their prerendered HTML was painted first and then replaced, moving
 * the layout (the home page's Lighthouse layout-shift score).
 */
export { LoadingState as default } from "@/components/loading-state"
