// The Scenario island: loaded with its chunk.
export const scenarioMessages = {
  "scenario.reached": "Chị đã đi đến một kết thúc của tình huống này.",
  "scenario.goodEnding": "Kết thúc tốt: cách ứng xử phù hợp.",
  "scenario.poorEnding": "Kết thúc chưa tốt: thử lại với cách khác nhé.",
  "scenario.restart": "Chơi lại từ đầu",
} as const;
