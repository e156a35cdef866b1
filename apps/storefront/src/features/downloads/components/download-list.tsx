import { formatFileSize } from "@/lib/medusa/reshape"
import type { DownloadItem } from "@/lib/medusa/downloads"

const dateFormat = new Intl.DateTimeFormat("en-AU", { dateStyle: "medium" })

/** Each file is headed at `headingLevel`: one below the section it sits in (2 on the library page). */
export function DownloadList({ items, emptyText, headingLevel = 2 }: { items: DownloadItem[]; emptyText: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3"
  if (items.length === 0) {
    return (
      <div className="empty" role="status">
        <p>{emptyText}</p>
      </div>
    )
  }
  return (
    <ul className="downloads" aria-label="Downloads">
      {items.map((item) => (
        <li key={item.token} className="downloads__item" data-testid="download-item">
          <div className="downloads__info">
            <Heading>{item.title}</Heading>
            <p className="muted">
              {[
                item.fileName,
                item.sizeBytes != null ? formatFileSize(item.sizeBytes) : null,
                item.version != null ? `version ${item.version}` : null,
                `bought ${dateFormat.format(new Date(item.purchasedAt))}`,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {item.downloadCount > 0 ? (
              <p className="muted">
                Downloaded {item.downloadCount} {item.downloadCount === 1 ? "time" : "times"}
              </p>
            ) : null}
          </div>
          {item.status === "active" ? (
            // A plain link, without `download`: the file's own answer makes the browser save it
            // (Content-Disposition: attachment), and a refusal leads to a page with its reason
            // instead of being saved as a file.
            <a className="button" href={`/downloads/${item.token}`}>
              Download
            </a>
          ) : (
            <span className="badge" title="Access was withdrawn, usually after a refund">
              No longer available
            </span>
          )}
        </li>
      ))}
    </ul>
  )
}
