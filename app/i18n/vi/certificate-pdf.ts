// The certificate PDF (app/certificates/certificate-pdf.server.ts), in the language of whoever downloads it.
export const certificatePdfMessages = {
  "certificatePdf.issuer": "Lan Tỏa — Hội Liên hiệp Phụ nữ",
  "certificatePdf.title": "Giấy chứng nhận {code}",
  "certificatePdf.heading": "GIẤY CHỨNG NHẬN HOÀN THÀNH KHÓA HỌC",
  "certificatePdf.certifies": "Chứng nhận",
  "certificatePdf.unit": "Đơn vị: {unit}",
  "certificatePdf.completed": "đã hoàn thành khóa học",
  "certificatePdf.completedInPerson": "đã học trực tiếp và hoàn thành khóa học",
  "certificatePdf.issued": "Phiên bản {version} · Ngày cấp {date}",
  "certificatePdf.inPerson": "Học trực tiếp tại lớp ngày {date}, {place}",
  "certificatePdf.code": "Mã xác thực: {code}",
  "certificatePdf.verifyAt": "Kiểm tra tại {url}",
} as const;
