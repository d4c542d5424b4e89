// Offline study: the course page's download box and what the service worker says about waiting steps (app/offline/).
export const offlineMessages = {
  "offline.title": "Học khi không có mạng",
  "offline.hint": "Tải khóa học về máy để đọc bài và làm bài cả khi mất sóng. Những gì chị làm khi không có mạng được lưu trên máy và tự gửi đi khi có mạng lại.",
  "offline.download": "Tải khóa học về máy",
  "offline.downloading": "Đang tải khóa học về máy…",
  "offline.downloaded": "Đã tải về máy: {size} MB, cập nhật lúc {at}.",
  "offline.update": "Tải lại bản mới",
  "offline.remove": "Xóa khỏi máy",
  "offline.notServed": "Trang này chưa sẵn sàng để học khi không có mạng. Chị mở lại trang rồi bấm tải khóa học lần nữa.",
  "offline.failed": "Chưa tải được khóa học. Chị kiểm tra kết nối mạng rồi thử lại.",
  "offline.waiting": "{count} thao tác chờ đồng bộ: sẽ tự gửi khi có mạng.",
  "offline.refused": "{count} bước không gửi được (bài đã khóa, hết lượt làm bài hoặc nội dung đã đổi).",
} as const;
