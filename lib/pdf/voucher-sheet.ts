// Printable voucher sheets: 24 cards per A4 page (3 × 8, cut lines between), each with the ISP's name,
// package, price, validity, the code in large type and a QR code that opens the portal with the code.
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { formatDate } from "@/lib/format";

export interface SheetCard {
  code: string;
  packageName: string;
  /** Already formatted, e.g. "KES 50". */
  price: string;
  /** e.g. "1 day". */
  validity: string;
  redeemBy: Date | null;
  /** What the QR code encodes (a portal login URL, or the code itself). */
  qrText: string;
}

export interface SheetOptions {
  tenantName: string;
  title: string;
  /** The tenant's zone: a "use by" day is that day where the ISP is, not in UTC. */
  timeZone: string;
  /** A line under the code, e.g. "Help: 0700 000 000". */
  footer?: string | null;
  columns?: number;
  rows?: number;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 18;

/**
 * Draws a QR code as vector rectangles (one per horizontal run of dark modules): sharp at any zoom.
 * The operators are written as one content string (what doc.rect writes, minus its per-call overhead),
 * which keeps a 10,000-card sheet fast.
 */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number, fastMask: boolean) {
  // Choosing the best of the 8 masks is most of a QR code's cost; for big sheets any valid mask will do.
  // One byte-mode segment: skips the segment optimiser (a shortest-path search per code).
  const qr = QRCode.create([{ data: Buffer.from(text, "utf8"), mode: "byte" }], fastMask ? { errorCorrectionLevel: "M", maskPattern: 2 } : { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const data = qr.modules.data;
  const quiet = 1;
  const m = size / (n + quiet * 2);
  const f = (v: number) => v.toFixed(2);
  const ops: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && data[row * n + col]) col++;
      ops.push(`${f(x + (start + quiet) * m)} ${f(y + (row + quiet) * m)} ${f((col - start) * m)} ${f(m)} re`);
    }
  }
  doc.fillColor("#000000");
  doc.addContent(`${ops.join("\n")}\nf`);
}

/** The small print under a card's price: validity, and the last day it can be used in the tenant's zone. */
export function cardDetailLines(card: Pick<SheetCard, "validity" | "redeemBy">, timeZone: string): string[] {
  return [`Valid ${card.validity}`, ...(card.redeemBy ? [`Use by ${formatDate(card.redeemBy, timeZone)}`] : [])];
}

export function cardsPerPage(opts: Pick<SheetOptions, "columns" | "rows"> = {}): number {
  return (opts.columns ?? 3) * (opts.rows ?? 8);
}

export async function renderVoucherSheet(cards: SheetCard[], opts: SheetOptions): Promise<Buffer> {
  const cols = opts.columns ?? 3;
  const rows = opts.rows ?? 8;
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: false,
    info: { Title: `${opts.tenantName}: ${opts.title}`, Author: opts.tenantName, Creator: "ISP Platform" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const cellW = (A4.width - MARGIN * 2) / cols;
  const cellH = (A4.height - MARGIN * 2) / rows;
  const pad = 7;
  const qrSize = Math.min(cellH - pad * 2 - 22, 62);
  const perPage = cols * rows;
  const list = cards.length ? cards : [];
  if (list.length === 0) {
    doc.addPage();
    doc.font("Helvetica").fontSize(12).fillColor("#475569").text("No vouchers to print.", MARGIN, MARGIN);
  }

  for (let i = 0; i < list.length; i++) {
    const slot = i % perPage;
    if (slot === 0) {
      doc.addPage();
      // Cut lines: a light dashed grid the guillotine follows.
      doc.save().lineWidth(0.4).dash(3, { space: 3 }).strokeColor("#94a3b8");
      for (let c = 0; c <= cols; c++) doc.moveTo(MARGIN + c * cellW, MARGIN).lineTo(MARGIN + c * cellW, A4.height - MARGIN);
      for (let r = 0; r <= rows; r++) doc.moveTo(MARGIN, MARGIN + r * cellH).lineTo(A4.width - MARGIN, MARGIN + r * cellH);
      doc.stroke().undash().restore();
    }
    const card = list[i];
    const x = MARGIN + (slot % cols) * cellW;
    const y = MARGIN + Math.floor(slot / cols) * cellH;
    const textW = cellW - pad * 3 - qrSize;

    doc.font("Helvetica-Bold").fontSize(8.5).fillColor("#0f172a");
    doc.text(opts.tenantName, x + pad, y + pad, { width: textW, lineBreak: false, ellipsis: true });
    doc.font("Helvetica").fontSize(7.5).fillColor("#334155");
    doc.text(card.packageName, x + pad, y + pad + 12, { width: textW, lineBreak: false, ellipsis: true });
    doc.font("Helvetica-Bold").fontSize(11).fillColor("#0f172a");
    doc.text(card.price, x + pad, y + pad + 23, { width: textW, lineBreak: false, ellipsis: true });
    doc.font("Helvetica").fontSize(6.8).fillColor("#475569");
    cardDetailLines(card, opts.timeZone).forEach((line, n) => doc.text(line, x + pad, y + pad + 38 + n * 9, { width: textW, lineBreak: false, ellipsis: true }));

    drawQr(doc, card.qrText, x + cellW - pad - qrSize, y + pad - 2, qrSize, list.length > 1_000);

    // The code: as large as fits the card's width (Courier is 0.6 em per character).
    const codeW = cellW - pad * 2;
    const size = Math.max(7, Math.min(16, codeW / (card.code.length * 0.6)));
    doc.font("Courier-Bold").fontSize(size).fillColor("#000000");
    doc.text(card.code, x + pad, y + cellH - pad - size - (opts.footer ? 7 : 0), { width: codeW, align: "center", lineBreak: false });
    if (opts.footer) {
      doc.font("Helvetica").fontSize(5.5).fillColor("#64748b");
      doc.text(opts.footer, x + pad, y + cellH - pad - 5, { width: codeW, align: "center", lineBreak: false, ellipsis: true });
    }
  }
  doc.end();
  return done;
}
