import { describe, expect, it } from "vitest";
import { isFormBody } from "./form-body";

describe("isFormBody", () => {
  it("lets reads through whatever they carry", () => {
    expect(isFormBody("GET", "application/json")).toBe(true);
    expect(isFormBody("HEAD", undefined)).toBe(true);
  });

  it("takes a form, with or without a charset", () => {
    expect(isFormBody("POST", "application/x-www-form-urlencoded")).toBe(true);
    expect(isFormBody("POST", "application/x-www-form-urlencoded;charset=UTF-8")).toBe(true);
    expect(isFormBody("POST", "Application/X-WWW-Form-Urlencoded ; charset=utf-8")).toBe(true);
  });

  it.each([undefined, "", "application/json", "text/plain", "multipart/form-data; boundary=x", "multipart/form-data", "application/xml", "application/x-www-form-urlencodedx", "text/html"])(
    "refuses a POST of %j",
    (type) => {
      expect(isFormBody("POST", type)).toBe(false);
      expect(isFormBody("DELETE", type)).toBe(false);
    },
  );

  it("takes multipart only on the pages that upload a file", () => {
    expect(isFormBody("POST", "multipart/form-data; boundary=x", "/admin/users/import")).toBe(true);
    expect(isFormBody("POST", "multipart/form-data; boundary=x", "/knowledge/import")).toBe(true);
    expect(isFormBody("POST", "multipart/form-data; boundary=x", "/admin/users")).toBe(false);
    expect(isFormBody("POST", "multipart/form-data; boundary=x", "/knowledge/import/x")).toBe(false);
    expect(isFormBody("POST", "application/json", "/knowledge/import")).toBe(false);
  });
});
