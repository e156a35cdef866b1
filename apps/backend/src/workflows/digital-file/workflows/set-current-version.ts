import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setCurrentVersionStep } from "../steps/add-file-version"

export const setCurrentVersionWorkflowId = "set-current-digital-file-version"

/** Staff choose which version customers download. */
export const setCurrentVersionWorkflow = createWorkflow(
  setCurrentVersionWorkflowId,
  (input: { digital_file_id: string; version_id: string }) => new WorkflowResponse(setCurrentVersionStep(input)),
)
