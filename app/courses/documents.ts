// The registry of policy documents that lessons cite with <Cite doc="…">. Numbers and dates are official;
// where our sources lack the official title, the title is a short description of the document.
export type PolicyDocument = { number: string; issuedOn: string | null; year: number; title: string };

export const policyDocuments = {
  "11-NQ/TW": {
    number: "Nghị quyết số 11-NQ/TW",
    issuedOn: "2007-04-27",
    year: 2007,
    title: "Về công tác phụ nữ thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước",
  },
  "21-CT/TW": {
    number: "Chỉ thị số 21-CT/TW",
    issuedOn: "2018-01-20",
    year: 2018,
    title: "Về tiếp tục đẩy mạnh công tác phụ nữ trong tình hình mới",
  },
  "14-CT/TU": {
    number: "Chỉ thị số 14-CT/TU của Ban Thường vụ Tỉnh ủy Bạc Liêu",
    issuedOn: "2018-04-10",
    year: 2018,
    title: "Về tiếp tục đẩy mạnh công tác phụ nữ trong tình hình mới",
  },
  "17-KH/TU": {
    number: "Kế hoạch số 17-KH/TU của Ban Thường vụ Tỉnh ủy Bạc Liêu",
    issuedOn: "2016-06-24",
    year: 2016,
    title: "“Mỗi đảng viên là một tuyên truyền viên hạt nhân ở cơ sở, mỗi đoàn viên, hội viên là một tuyên truyền viên xung kích”",
  },
  "CV-819": {
    number: "Công văn số 819 của Ban Thường vụ Tỉnh ủy Bạc Liêu",
    issuedOn: "2019-08-29",
    year: 2019,
    title: "Văn bản của tỉnh Bạc Liêu về tập hợp hội viên, bồi dưỡng cán bộ Hội và quy hoạch cán bộ nữ",
  },
  "35-CT/TW": {
    number: "Chỉ thị số 35-CT/TW",
    issuedOn: null,
    year: 2019,
    title: "Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
  },
  "50-QD/TW": {
    number: "Quy định số 50-QĐ/TW",
    issuedOn: null,
    year: 2021,
    title: "Về công tác quy hoạch cán bộ",
  },
  "377-QD/TW": {
    number: "Quy định số 377-QĐ/TW",
    issuedOn: "2025-10-08",
    year: 2025,
    title:
      "Về phân cấp quản lý cán bộ và quy hoạch, bổ nhiệm, giới thiệu ứng cử, tạm đình chỉ công tác, cho thôi giữ chức vụ, từ chức, miễn nhiệm đối với cán bộ (thay thế các Quy định 50, 41, 80 và 148)",
  },
  "2282/QD-TTg": {
    number: "Quyết định số 2282/QĐ-TTg",
    issuedOn: "2020-12-31",
    year: 2020,
    title: "Chương trình tăng cường sự tham gia bình đẳng của phụ nữ trong các vị trí lãnh đạo và quản lý ở các cấp hoạch định chính sách giai đoạn 2021–2030",
  },
  "1893/QD-TTg": {
    number: "Quyết định số 1893/QĐ-TTg",
    issuedOn: null,
    year: 2018,
    title: "Đề án đào tạo, bồi dưỡng cán bộ Hội và chi hội trưởng phụ nữ giai đoạn 2019–2025",
  },
  "28/NQ-CP": {
    number: "Nghị quyết số 28/NQ-CP",
    issuedOn: null,
    year: 2021,
    title: "Ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021–2030",
  },
  "LUAT-HOA-GIAI-2013": {
    number: "Luật Hòa giải ở cơ sở số 35/2013/QH13",
    issuedOn: null,
    year: 2013,
    title: "Luật Hòa giải ở cơ sở (có hiệu lực từ 01/01/2014)",
  },
  "LUAT-TIEP-CONG-DAN-2013": { number: "Luật Tiếp công dân số 42/2013/QH13", issuedOn: null, year: 2013, title: "Luật Tiếp công dân năm 2013" },
  "LUAT-KHIEU-NAI-2011": { number: "Luật Khiếu nại số 02/2011/QH13", issuedOn: null, year: 2011, title: "Luật Khiếu nại năm 2011" },
  "LUAT-TO-CAO-2018": { number: "Luật Tố cáo số 25/2018/QH14", issuedOn: null, year: 2018, title: "Luật Tố cáo năm 2018" },
  "LUAT-BINH-DANG-GIOI-2006": { number: "Luật Bình đẳng giới số 73/2006/QH11", issuedOn: null, year: 2006, title: "Luật Bình đẳng giới (có hiệu lực từ 01/7/2007)" },
  "LUAT-PCBLGD-2022": {
    number: "Luật Phòng, chống bạo lực gia đình số 13/2022/QH15",
    issuedOn: "2022-11-14",
    year: 2022,
    title: "Luật Phòng, chống bạo lực gia đình (có hiệu lực từ 01/7/2023)",
  },
  "PHAP-LENH-DAN-SO-2025": {
    number: "Pháp lệnh sửa đổi, bổ sung Điều 10 của Pháp lệnh Dân số",
    issuedOn: null,
    year: 2025,
    title: "Vợ chồng quyết định thời gian sinh con, số con và khoảng cách giữa các lần sinh (tháng 6/2025)",
  },
  "203/2025/QH15": {
    number: "Nghị quyết số 203/2025/QH15 của Quốc hội",
    issuedOn: "2025-06-16",
    year: 2025,
    title: "Sửa đổi, bổ sung một số điều của Hiến pháp năm 2013: các tổ chức chính trị - xã hội tổ chức trong Mặt trận Tổ quốc Việt Nam",
  },
  "DIEU-LE-HOI-LHPN": {
    number: "Điều lệ Hội Liên hiệp Phụ nữ Việt Nam",
    issuedOn: null,
    year: 2022,
    title: "Điều lệ Hội do Đại hội đại biểu phụ nữ toàn quốc lần thứ XIII thông qua",
  },
  "DAN-VAN-1949": {
    number: "Bài báo “Dân vận” của Chủ tịch Hồ Chí Minh",
    issuedOn: "1949-10-15",
    year: 1949,
    title: "Dân vận",
  },
} satisfies Record<string, PolicyDocument>;

export type DocumentKey = keyof typeof policyDocuments;
export const citedDocumentKeys: ReadonlySet<string> = new Set(Object.keys(policyDocuments));
