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

/** Component templates the editor inserts at the cursor. */
export const snippets = [
  { label: "Callout", text: `<Callout type="tip" title="Ghi nhớ">\n\nNội dung cần nhấn mạnh.\n\n</Callout>\n` },
  { label: "Term", text: `<Term meaning="Giải thích ngắn">thuật ngữ</Term>` },
  { label: "Cite", text: `<Cite doc="11-NQ/TW" />` },
  { label: "Checklist", text: `<Checklist id="cac-buoc" title="Các bước">\n  <Step>Bước một</Step>\n  <Step>Bước hai</Step>\n</Checklist>\n` },
  { label: "Reflection", text: `<Reflection id="suy-ngam" prompt="Chị sẽ áp dụng điều này thế nào ở chi hội mình?" />\n` },
  {
    label: "Quiz",
    text: `<Quiz id="kiem-tra" attempts="3" waitMinutes="10" showAnswers="after-pass">\n  <Question id="q1" prompt="Câu hỏi?">\n    <Choice correct>Đáp án đúng</Choice>\n    <Choice>Đáp án sai</Choice>\n    <Explanation>Vì sao đáp án đúng.</Explanation>\n  </Question>\n</Quiz>\n`,
  },
  {
    label: "Scenario",
    text: `<Scenario id="tinh-huong" title="Tình huống" start="mo-dau">\n  <Scene id="mo-dau">\n\nBối cảnh tình huống.\n\n    <Option to="tot">Cách ứng xử phù hợp</Option>\n    <Option to="chua-tot">Cách ứng xử chưa phù hợp</Option>\n  </Scene>\n  <Scene id="tot" ending="good">\n\nKết quả tốt.\n\n  </Scene>\n  <Scene id="chua-tot" ending="poor">\n\nKết quả chưa tốt.\n\n  </Scene>\n</Scenario>\n`,
  },
  { label: "Figure", text: `<Figure src="/images/ten-anh.svg" alt="Mô tả ảnh" width="640" height="360" caption="Chú thích" />\n` },
] as const;
