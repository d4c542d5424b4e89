// What a new course authored in the app starts from: valid, publishable, and a model to edit.
export function starterCourse(title: string, firstLesson: string) {
  return `---
title: ${JSON.stringify(title)}
summary: "Mô tả ngắn: khóa học giúp học viên làm được gì."
audience: "Cán bộ Hội, chi hội trưởng"
passMark: 80
completion:
  scenarios: []
modules:
  - title: "Phần 1"
    lessons: [${firstLesson}]
---

Giới thiệu khóa học trong vài câu.
`;
}

export function starterLesson(title: string) {
  return `---
title: ${JSON.stringify(title)}
minutes: 10
---

## Nội dung chính

Viết nội dung bài học ở đây.
`;
}
