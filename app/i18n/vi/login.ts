// The sign-in page.
export const loginMessages = {
  "login.title": "Đăng nhập",
  "login.identifier": "Số điện thoại hoặc email",
  "login.password": "Mật khẩu",
  "login.submit": "Đăng nhập",
  "login.invalid": "Số điện thoại/email hoặc mật khẩu không đúng.",
  "login.throttled": "Đăng nhập sai quá nhiều lần. Để bảo vệ tài khoản, vui lòng thử lại sau {minutes} phút.",
  "login.deactivated": "Tài khoản này đã bị tạm khóa. Vui lòng liên hệ cán bộ tổ chức của Hội để được mở lại.",
  "login.identifierRequired": "Vui lòng nhập số điện thoại hoặc email.",
  "login.passwordRequired": "Vui lòng nhập mật khẩu.",
} as const;
