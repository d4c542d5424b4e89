// The home page, the catalog and the course page.
export const learningMessages = {
  "catalog.title": "Khóa học",
  "catalog.empty": "Chưa có khóa học nào.",
  "catalog.lessons": "{count} bài học",
  "catalog.minutes": "khoảng {minutes} phút",
  "course.start": "Bắt đầu học",
  "course.continue": "Học tiếp",
  "course.progress": "Đã xong {done}/{total} bài",
  "course.completed": "Đã hoàn thành khóa học ngày {date}",
  "course.rule": "Hoàn thành khi học xong tất cả các bài và đạt từ {passMark}% điểm bài kiểm tra.",
  "course.ruleScenarios": "Cần đi hết ít nhất một kết thúc của mỗi tình huống đóng vai.",
  "course.needsRefresh": "Nội dung khóa học đã được cập nhật và yêu cầu học lại: chị hãy học lại các bài và làm lại bài kiểm tra để được cấp chứng nhận theo phiên bản mới.",
  "course.needsRefreshShort": "Cần học lại",
  "course.module": "Phần {number}: {title}",
  "course.lessonDone": "Đã học",
  "course.ruleOptional": "Bài ghi “Không bắt buộc” không tính vào điều kiện hoàn thành: chị học khi cần.",
  "home.title": "Chào mừng đến với Lan Tỏa",
  "home.metaTitle": "Bồi dưỡng cán bộ Hội LHPN",
  "home.metaDescription": "Học kỹ năng vận động, hòa giải và các nghị quyết về công tác phụ nữ trên điện thoại.",
  "home.lead":
    "Lan Tỏa giúp cán bộ Hội và chi hội trưởng học kỹ năng vận động, tập hợp hội viên, hòa giải và các nghị quyết về công tác phụ nữ ngay trên điện thoại.",
  "home.hello": "Xin chào, {name}",
} as const;
