export { LoadingState as default } from "@/components/loading-state"
