## Báo cáo tự rà soát: lời của bộ máy hỏi từng câu

report-engine-back = « Quay lại
report-engine-skip = Bỏ qua
report-engine-pause = Lưu, làm tiếp sau
report-engine-done = Xong
report-engine-keep = Giữ nguyên
report-engine-yes = Có
report-engine-no = Không
report-engine-prev-page = ‹ Trang trước
report-engine-next-page = Trang sau ›
report-engine-no-note = Không ghi chú
report-engine-submit = Nộp
report-engine-confirm-submit = Xác nhận nộp
report-engine-cancel-submit = Xem lại
report-engine-edit-question = Sửa câu { $n }
report-engine-view-question = Xem câu { $n }
report-engine-review-all = Xem lại cả bản
report-engine-hint-button = Gợi ý
report-engine-question-number = Câu { $n }/{ $total }
report-engine-item-number = Mục { $n }/{ $total }
report-engine-page-status = Trang { $page }/{ $pages }
report-engine-selected-count = đã chọn { $count }
report-engine-hint = Gợi ý: { $hint }
report-engine-quote-intro = Trích nguyên văn { $source }:
report-engine-text-how-to = Đồng chí trả lời trong một hay nhiều tin nhắn; viết xong thì chọn «Xong» (hoặc gõ «xong»).
report-engine-text-limits = (Từ { $min } đến { $max } ký tự.)
report-engine-text-min = (Ít nhất { $min } ký tự.)
report-engine-text-max = (Tối đa { $max } ký tự.)
report-engine-saved-text =
    Câu trả lời đã lưu: «{ $text }»
    Đồng chí có thể viết câu trả lời mới, hoặc chọn «Giữ nguyên».
report-engine-pending-text = Phần đồng chí đã viết nhưng chưa chọn «Xong» (vẫn được giữ): «{ $text }»
report-engine-text-received = Đã ghi nhận ({ $count } ký tự). Đồng chí viết tiếp, hoặc chọn «Xong» (gõ «xong») nếu đã đủ.
report-engine-saved-choice = Lựa chọn đã lưu: { $label }. Đồng chí chọn lại, hoặc chọn «Giữ nguyên».
report-engine-saved-rating = Đã đánh giá: { $level }.
report-engine-multi-how-to = { $platform ->
    [zalo] Gõ số của mục để đánh dấu hoặc bỏ đánh dấu (gõ nhiều số một lúc cũng được, ví dụ «1, 3»), rồi chọn «Xong».
   *[other] Chọn từng mục để đánh dấu hoặc bỏ đánh dấu (hoặc gõ số thứ tự của mục trong trang, ví dụ «1, 3»), rồi chọn «Xong».
}
report-engine-multi-limits = (Chọn ít nhất { $min }, nhiều nhất { $max } mục.)
report-engine-rating-how-to = Đồng chí tự đánh giá: không có, có biểu hiện, hay có nguy cơ?
report-engine-rating-note-prompt = Đồng chí ghi chú thêm cho mục «{ $item }» (không bắt buộc): gõ ghi chú rồi chọn «Xong», hoặc chọn «Không ghi chú».
report-engine-rating-note-pending = Ghi chú đã viết: «{ $text }». Đồng chí viết tiếp, hoặc chọn «Xong».
report-engine-err-empty = Đồng chí chưa viết nội dung nào cho câu này.
report-engine-err-too-short = Câu trả lời mới có { $count } ký tự, cần ít nhất { $min }. Đồng chí viết thêm rồi chọn «Xong»; phần đã viết vẫn được giữ.
report-engine-err-too-long = Phần vừa gửi làm câu trả lời dài { $count } ký tự, quá mức tối đa { $max }, nên chưa được ghi vào. Phần đã ghi trước đó vẫn được giữ. Đồng chí vui lòng rút gọn rồi gửi lại; nội dung vừa gửi ở dưới để đồng chí tiện sửa:
report-engine-err-note-too-long = Ghi chú dài { $count } ký tự, quá mức tối đa { $max }, nên phần vừa gửi chưa được ghi vào. Đồng chí vui lòng rút gọn rồi gửi lại; nội dung vừa gửi ở dưới:
report-engine-err-not-option = { $platform ->
    [zalo] «{ $text }» không khớp với phương án nào. Xin đồng chí gõ số của phương án mình chọn.
   *[other] «{ $text }» không khớp với phương án nào. Xin đồng chí chọn một phương án bên dưới.
}
report-engine-err-yes-no = Xin đồng chí trả lời «Có» hoặc «Không».
report-engine-err-use-buttons = { $platform ->
    [zalo] Ở câu này, đồng chí gõ số của phương án mình chọn.
   *[other] Ở câu này, đồng chí chọn một trong các phương án bên dưới.
}
report-engine-err-too-few = Đồng chí cần chọn ít nhất { $min } mục.
report-engine-err-not-item = Trang đang xem không có mục số { $text }. Đồng chí gõ số thứ tự của mục trong trang này.
report-engine-err-too-many = Chỉ được chọn nhiều nhất { $max } mục. Đồng chí bỏ chọn một mục khác trước.
report-engine-err-not-optional = Câu này không bỏ qua được.
report-engine-err-unsupported = Bot chỉ đọc được tin nhắn chữ và các lựa chọn. Xin đồng chí trả lời bằng chữ.
report-engine-err-stale = Lựa chọn đồng chí vừa chọn thuộc một câu hỏi trước nên không còn dùng được; chưa có gì thay đổi.
report-engine-err-at-first = Đây là câu hỏi đầu tiên.
report-engine-err-wrong-draft = Bản nháp này thuộc một mẫu báo cáo khác; chưa có gì thay đổi.
report-engine-intro =
    { $title }

    { $description }

    Bản nháp được lưu sau mỗi câu trả lời. Đồng chí có thể chọn «Lưu, làm tiếp sau» bất cứ lúc nào.
report-engine-paused = Đã lưu bản nháp. Khi thuận tiện, đồng chí gõ /baocao để làm tiếp từ câu đang dở.
report-engine-welcome-back = Tiếp tục bản «{ $title }».
report-engine-template-updated = Mẫu «{ $title }» vừa được cập nhật (phiên bản { $version }). Các câu trả lời đã có vẫn được giữ; đồng chí làm tiếp từ câu chưa trả lời.
report-engine-step-moved = Câu hỏi đồng chí đang trả lời không còn áp dụng; chuyển sang câu tiếp theo.
report-engine-text-not-saved = Nội dung đồng chí vừa gửi chưa được ghi vì câu hỏi đã thay đổi; nếu cần, xin gửi lại:
report-engine-template-missing = Không tìm thấy mẫu báo cáo của bản nháp này. Xin đồng chí báo với bí thư chi bộ.
report-engine-state-invalid = Không đọc được bản nháp đã lưu. Xin đồng chí báo với bí thư chi bộ.
report-engine-review-title = Xem lại bản «{ $title }» trước khi nộp:
report-engine-review-how-to = Đồng chí chọn «Sửa câu N» để sửa một câu, «Xem câu N» để đọc trọn một câu trả lời, hoặc «Nộp» để gửi bí thư chi bộ.
report-engine-review-empty = Không có câu hỏi nào áp dụng cho đồng chí trong mẫu này.
report-engine-edited = Đã lưu câu { $n }:
report-engine-answer-skipped = (bỏ qua)
report-engine-confirm-question = Đồng chí xác nhận nộp bản «{ $title }» cho bí thư chi bộ? Sau khi nộp, đồng chí vẫn rút lại để sửa được cho đến khi bí thư tiếp nhận.
report-engine-submitted = Đã nộp bản «{ $title }». Cảm ơn đồng chí!
report-engine-already-submitted = Bản «{ $title }» đã được nộp; thao tác này không còn tác dụng.
report-engine-full-name = Họ và tên
report-engine-cell = Chi bộ
report-engine-date = Ngày
report-engine-report-no-answer = (Không trả lời)
report-engine-rating-note = Ghi chú
report-grade-xuat_sac = Hoàn thành xuất sắc nhiệm vụ
report-grade-tot = Hoàn thành tốt nhiệm vụ
report-grade-hoan_thanh = Hoàn thành nhiệm vụ
report-grade-khong_hoan_thanh = Không hoàn thành nhiệm vụ
report-level-none = Không có
report-level-present = Có biểu hiện
report-level-risk = Có nguy cơ
report-engine-decimal-mark = ,
report-engine-score-group = Nhóm { $n }/{ $total }: { $label } (từ 0 đến { $max } điểm)
report-engine-score-criterion =
    Tiêu chí { $n }/{ $total } · { $group }
    { $label } (từ 0 đến { $max } điểm)
report-engine-score-sheet = Bảng điểm: { $title }
report-engine-score-how-to = { $platform ->
    [zalo] Đồng chí gõ số điểm, ví dụ «25» hoặc «25,5» (lẻ đến một chữ số thập phân); có thể kèm chữ «điểm».
   *[other] Đồng chí gõ số điểm, ví dụ «25» hoặc «25,5» (lẻ đến một chữ số thập phân).
}
report-engine-score-entered = Đã nhập: { $points } điểm. Đồng chí gõ số mới, hoặc chọn «Giữ { $points } điểm».
report-engine-score-keep = Giữ { $points } điểm
report-engine-score-line = { $label }: { $points }/{ $max }
report-engine-score-total = Tổng điểm: { $total }/{ $max }
report-engine-score-short = { $total }/{ $max } ({ $groups })
report-engine-score-saved =
    Đã lưu điểm tự chấm:
    { $score }
report-engine-err-score-not-number = «{ $text }» không phải là một số điểm. Đồng chí gõ một số từ 0 đến { $max }; các điểm đã nhập vẫn được giữ.
report-engine-err-score-range = Điểm ở mục này từ 0 đến { $max }; «{ $text }» nằm ngoài khoảng đó nên chưa được ghi. Các điểm đã nhập vẫn được giữ; đồng chí gõ lại.
report-engine-err-score-decimals = Điểm lẻ chỉ lấy đến một chữ số thập phân (ví dụ 25,5); «{ $text }» chưa được ghi. Các điểm đã nhập vẫn được giữ; đồng chí gõ lại.
# The member proposes; the cell and the higher level decide (QĐ 366 Điều 12): never worded as a grade given to the member.
report-engine-proposed-grade = Đề xuất xếp loại: { $grade }

## Khung điểm (Quy định 366-QĐ/TW, Điều 11): lời của bot, và điều kiện trích nguyên văn (ghi chép nghiệp vụ texts-2025.md §3.2, từ bản sao thứ cấp)

report-band-intro = Tổng điểm tự chấm của đồng chí là { $total }/{ $max }. Theo Quy định 366-QĐ/TW, Điều 11, tổng điểm này nằm trong khung điểm của mức «{ $grade }» ({ $range }). Điểm số mới là một căn cứ: mỗi mức còn có điều kiện riêng.
report-band-conditions-lead = Ngoài tổng điểm, mức này còn có các điều kiện sau:
report-band-cases-lead = Mức này gồm cả những trường hợp sau, dù tổng điểm là bao nhiêu:
report-band-leaders = Với cá nhân giữ chức vụ lãnh đạo, quản lý, Điều 11 đặt điều kiện riêng cho từng mức; bot chưa có nguyên văn các điều kiện đó, đồng chí đối chiếu trong Quy định 366-QĐ/TW.
report-band-source = Quy định 366-QĐ/TW, Điều 11
report-band-propose = Khung điểm chỉ là gợi ý. Đồng chí tự đề xuất một trong bốn mức, kể cả mức khác với khung điểm; chi bộ thẩm định, đề xuất và cấp có thẩm quyền quyết định xếp loại chất lượng (Quy định 366-QĐ/TW, Điều 12).
report-band-range-xuat_sac = từ 90 điểm trở lên
report-band-range-tot = từ 70 đến dưới 90 điểm
report-band-range-hoan_thanh = từ 50 đến dưới 70 điểm
report-band-range-khong_hoan_thanh = dưới 50 điểm
# Verbatim (QĐ 366 Điều 11, khoản 1.2–1.4, 2.2, 3.2, 4.2): shown as a quotation with report-band-source; do not reword.
report-band-quote-xuat_sac =
    1.2. Đối với cá nhân không giữ chức vụ lãnh đạo, quản lý; đảng viên không làm việc trong hệ thống chính trị: Hoàn thành 100% các nhiệm vụ được giao, đúng hạn, bảo đảm chất lượng, hiệu quả, trong đó có ít nhất 30% nhiệm vụ hoàn thành vượt mức yêu cầu.
    1.3. Đã khắc phục 100% các hạn chế, khuyết điểm được chỉ ra ở thời điểm kiểm điểm trước (nếu có).
    1.4. Số lượng tập thể, cá nhân được xếp loại "Hoàn thành xuất sắc nhiệm vụ" không vượt quá 20% tổng số tập thể, cá nhân được xếp loại "Hoàn thành tốt nhiệm vụ" … (cấp có thẩm quyền có thể quyết định không vượt quá 25% khi có thành tích xuất sắc, nổi trội …)
report-band-quote-tot = 2.2. Đối với cá nhân không giữ chức vụ lãnh đạo, quản lý và đảng viên không làm việc trong hệ thống chính trị: Hoàn thành 100% các nhiệm vụ được giao, đúng thời hạn, bảo đảm chất lượng, hiệu quả.
report-band-quote-hoan_thanh = 3.2. Đối với cá nhân không giữ chức vụ lãnh đạo, quản lý và đảng viên không làm việc trong hệ thống chính trị: Hoàn thành 100% các nhiệm vụ được giao; số nhiệm vụ chưa bảo đảm tiến độ không vượt quá 20%.
report-band-quote-khong_hoan_thanh =
    4.2. Đối với cá nhân không giữ chức vụ lãnh đạo, quản lý và đảng viên không làm việc trong hệ thống chính trị
    - Bị cấp có thẩm quyền kết luận có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, vi phạm liên quan đến hoạt động công vụ bị xử lý kỷ luật từ khiển trách trở lên, vi phạm những điều đảng viên không được làm, vi phạm quy định về trách nhiệm nêu gương, gây ảnh hưởng xấu đến uy tín của bản thân và tổ chức, cơ quan, đơn vị.
    - Có trên 50% số nhiệm vụ trong năm bị đánh giá không hoàn thành.

## Báo cáo tự rà soát: menu, hướng dẫn, danh sách

report-button-menu = Báo cáo tự rà soát
report-button-new-round = Mở đợt báo cáo mới
report-help-member =
    Báo cáo tự rà soát:
    /baocao — các đợt báo cáo đang mở: bắt đầu, làm tiếp, xem hoặc rút lại bản đã nộp để sửa; tải bản của mình bằng Word để in và ký.
    Bot hỏi từng câu một và lưu ngay mỗi câu trả lời; đồng chí có thể dừng bất cứ lúc nào (/huy) và làm tiếp sau, kể cả trên máy khác.
report-help-admin = /dotbaocao — mở đợt báo cáo mới (mẫu, hạn nộp, đối tượng phải nộp). Trong /baocao: xem tình hình nộp, nhắc người chưa nộp, nhập hộ, tiếp nhận hoặc trả lại để bổ sung; tải từng bản hoặc cả đợt bằng Word, tình hình nộp bằng Excel.
report-list-title = Báo cáo tự rà soát — { $cell }
report-list-empty = Hiện chưa có đợt báo cáo nào đang mở cho đồng chí.
report-list-line = • «{ $title }» — hạn { $deadline }: { $status }
report-list-line-closed = • «{ $title }» (đợt đã đóng): { $status }
report-list-admin-hint = Đồng chí là bí thư hoặc phó bí thư: chọn «Tình hình» để xem ai đã nộp, nhắc người chưa nộp hoặc nhập hộ.
report-status-not-started = chưa bắt đầu
report-status-drafting = đang làm dở
report-status-submitted = đã nộp, chờ bí thư tiếp nhận
report-status-returned = bí thư trả lại để bổ sung
report-status-accepted = bí thư đã tiếp nhận
report-button-start = Bắt đầu: { $title }
report-button-continue = Làm tiếp: { $title }
report-button-complete = Bổ sung: { $title }
report-button-view-own = Xem bản đã nộp: { $title }
report-button-withdraw = Rút lại để sửa: { $title }
report-button-status = Tình hình: { $title }
report-button-status-closed = Đã đóng — tình hình: { $title }
report-button-status-short = Xem tình hình nộp
report-button-begin = Bắt đầu
report-button-resume = Làm tiếp
report-button-resume-now = Làm tiếp ngay
report-button-view-short = Xem bản đã nộp
report-button-withdraw-short = Rút lại để sửa
report-button-complete-short = Sửa bản báo cáo
report-button-done = Xong

## Câu hỏi do bot thêm (lời của bot, không phải văn bản chính thức)

report-holds-post-title = Giữ chức vụ lãnh đạo, quản lý
report-holds-post-prompt = Hiện nay đồng chí có giữ chức vụ lãnh đạo, quản lý nào không (trong Đảng, chính quyền, Mặt trận hoặc đoàn thể)? Nếu có, bản này có thêm những câu dành cho đảng viên giữ chức vụ.
report-holds-post-hint = Câu này chỉ để bot chọn đúng các câu hỏi cho đồng chí.
report-follow-up-section = Theo dõi việc tự sửa
report-follow-up-title = Kết quả thực hiện cam kết lần trước
report-follow-up-prompt =
    Lần trước đồng chí đã cam kết:
    «{ $commitment }»

    Đến nay đồng chí đã thực hiện những cam kết đó thế nào? Việc nào đã làm được, việc nào chưa làm được, vì sao?
report-follow-up-hint = Nêu ngắn gọn từng việc và kết quả.

## Bản nháp của đảng viên

report-open-submitted = Bản «{ $title }» đã nộp (lần { $number }) và đang chờ bí thư tiếp nhận. Nếu cần sửa, đồng chí chọn «Rút lại để sửa».
report-open-accepted = Bản «{ $title }» đã được bí thư tiếp nhận; không sửa được nữa.
report-round-closed = Đợt báo cáo «{ $title }» đã đóng; không nộp thêm được nữa. Các câu trả lời đã lưu vẫn được giữ.
report-busy = Bản nháp vừa được lưu liên tục từ một thiết bị khác nên tin vừa rồi chưa được ghi. Xin đồng chí gửi lại.
report-stale-reopen = Lựa chọn này thuộc một bản báo cáo đang tạm dừng; chưa có gì thay đổi. Chọn «Làm tiếp» để mở lại đúng câu đồng chí đang làm.
report-submitted-note = Bí thư chi bộ sẽ nhận được bản này. Trước khi bí thư tiếp nhận, đồng chí vẫn có thể rút lại để sửa (chọn bên dưới hoặc vào /baocao).
report-return-comment-banner = Bí thư đã trả lại bản này để đồng chí bổ sung. Nhận xét của bí thư: «{ $comment }»

## Nhập hộ

report-proxy-intro = Đồng chí đang nhập hộ bản «{ $title }» của đồng chí { $name } (theo bản giấy hoặc qua trao đổi trực tiếp). Bản nộp sẽ ghi rõ do đồng chí nhập hộ. Gõ /huy để dừng; phần đã nhập vẫn được giữ.
report-proxy-not-possible = Bản «{ $title }» đã nộp hoặc đã được tiếp nhận; không nhập hộ được nữa.
report-proxy-submitted-note = Đã nộp thay đồng chí { $name }. Bản nộp ghi rõ do đồng chí nhập hộ; đồng chí { $name } cũng được báo.
report-proxy-submitted-for-member = Bí thư chi bộ đã nhập hộ và nộp bản «{ $title }» của đồng chí (người nhập: đồng chí { $enteredBy }). Đồng chí có thể xem lại nội dung.

## Gửi bí thư, tiếp nhận, trả lại, rút lại

report-admin-header =
    Báo cáo của đồng chí { $name } — { $cell }
    Đợt: «{ $title }» · nộp lần { $number } lúc { $at }
report-admin-proxy = Do đồng chí { $enteredBy } nhập hộ (theo bản giấy hoặc qua trao đổi trực tiếp).
report-admin-late = Nộp sau hạn ({ $deadline }).
report-admin-changed = Thay đổi so với lần { $previous }: { $questions }.
report-admin-changed-item = câu { $n } «{ $title }»
report-admin-unchanged = Không có câu nào thay đổi so với lần { $previous }.
report-admin-how-to = Bản của đồng chí { $name } (nộp lần { $number }): đồng chí chọn «Tiếp nhận», hoặc «Trả lại để bổ sung» rồi ghi nhận xét.
report-version-withdrawn = (Bản này đã được đảng viên rút lại để sửa.)
report-version-returned = (Bản này đã được trả lại để bổ sung. Nhận xét: «{ $comment }»)
report-version-accepted = (Bản này đã được tiếp nhận.)
report-button-accept = Tiếp nhận
report-button-return = Trả lại để bổ sung
report-accepted-done = Đã tiếp nhận bản báo cáo của đồng chí { $name }. Đồng chí ấy sẽ được báo.
report-accepted-for-member = Bí thư chi bộ đã tiếp nhận bản «{ $title }» của đồng chí. Cảm ơn đồng chí!
report-already-accepted = Bản này của đồng chí { $name } đã được đồng chí { $by } tiếp nhận trước đó; không có gì thay đổi.
report-already-returned = Bản này của đồng chí { $name } đã được đồng chí { $by } trả lại để bổ sung trước đó; không có gì thay đổi.
report-already-withdrawn = Đồng chí { $name } đã rút lại bản này để sửa; không có gì thay đổi. Khi đồng chí ấy nộp lại, tôi sẽ gửi bản mới.
report-return-ask = Đồng chí ghi nhận xét, yêu cầu bổ sung gửi đồng chí { $name } trong một tin nhắn (tối đa { $max } ký tự). Chọn «Hủy» hoặc gõ /huy nếu thôi không trả lại.
report-return-text-only = Nhận xét cần viết bằng chữ.
report-return-too-long = Nhận xét dài { $count } ký tự, quá mức { $max }. Xin đồng chí rút gọn rồi gửi lại; nội dung vừa gửi ở dưới để đồng chí tiện sửa:
report-returned-done = Đã trả lại bản của đồng chí { $name } kèm nhận xét. Khi đồng chí ấy nộp lại, tôi sẽ gửi bản mới kèm những câu đã thay đổi.
report-returned-for-member =
    Bí thư chi bộ đã trả lại bản «{ $title }» để đồng chí bổ sung.
    Nhận xét: «{ $comment }»
    Các câu trả lời của đồng chí vẫn được giữ nguyên; đồng chí sửa những câu cần thiết rồi nộp lại.
report-withdraw-confirm = Đồng chí muốn rút lại bản «{ $title }» (nộp lần { $number }) để sửa? Bí thư sẽ được báo; sửa xong, đồng chí nộp lại.
report-withdraw-too-late = Bản «{ $title }» không rút lại được nữa: bí thư đã xử lý bản này.
report-withdrawn-done = Đã rút lại. Các câu trả lời vẫn được giữ; đồng chí sửa rồi nộp lại.
report-withdrawn-for-admin = Đồng chí { $name } đã rút lại bản «{ $title }» (nộp lần { $number }) để sửa. Khi đồng chí ấy nộp lại, tôi sẽ gửi bản mới kèm những câu đã thay đổi.

## Thông báo, nhắc hạn, tổng hợp

report-round-opened =
    { $cell } mở đợt báo cáo «{ $title }».
    Hạn nộp: { $deadline }.
    Bot sẽ hỏi từng câu một; mỗi câu trả lời được lưu ngay, đồng chí có thể dừng và làm tiếp bất cứ lúc nào.
report-round-opened-meeting = Bản báo cáo dùng cho buổi sinh hoạt lúc { $when }.
report-reminder = Nhắc đồng chí: còn { $left } đến hạn nộp bản «{ $title }» (hạn { $deadline }).
report-reminder-overdue = Bản «{ $title }» đã quá hạn nộp ({ $deadline }). Đồng chí vẫn có thể hoàn thành và nộp.
report-left-days = { $n } ngày
report-left-hours = { $n } giờ
report-reminder-not-started = Đồng chí chưa bắt đầu.
report-reminder-drafting = Bản nháp của đồng chí đang làm dở; mọi câu đã trả lời vẫn được giữ.
report-reminder-returned = Bản của đồng chí đang chờ bổ sung theo nhận xét của bí thư.
report-digest = Đợt «{ $title }» (hạn { $deadline }): { $submitted }/{ $total } đồng chí đã nộp; chưa nộp: { $missing }.
report-digest-all = Đợt «{ $title }» (hạn { $deadline }): cả { $total }/{ $total } đồng chí đã nộp.

## Tình hình nộp

report-status-title =
    Tình hình nộp «{ $title }» — hạn { $deadline }
    { $accepted ->
        [0] Đã nộp { $submitted }/{ $total }.
       *[other] Đã nộp { $submitted }/{ $total } (đã tiếp nhận { $accepted }).
    }
report-status-row-not-started = ○ { $name } — chưa bắt đầu
report-status-row-drafting = ✎ { $name } — đang làm ({ $answered }/{ $total } câu)
report-status-row-submitted = ● { $name } — đã nộp lần { $number }, chờ tiếp nhận
report-status-row-returned = ↩ { $name } — đã trả lại, đang bổ sung
report-status-row-accepted = ✓ { $name } — đã tiếp nhận
report-status-proxy-mark = (bí thư nhập hộ)
report-status-nobody = Chưa có đồng chí nào phải nộp.
report-status-closed = Đợt này đã đóng lúc { $at }.
report-button-read = Xem: { $name }
report-button-proxy = Nhập hộ: { $name }
report-button-remind-now = Nhắc ngay những đồng chí chưa nộp
report-button-close-round = Đóng đợt
report-reminded-now = { $count ->
    [0] Không có đồng chí nào cần nhắc lúc này.
   *[other] Đã gửi lời nhắc tới { $count } đồng chí chưa nộp.
}
report-reminded-now-held = Vì đang là giờ nghỉ của chi bộ ({ $start }–{ $end }), lời nhắc tới { $count } đồng chí chưa nộp sẽ được gửi lúc { $time }.
report-close-confirm = Đóng đợt «{ $title }»? Sau khi đóng, không ai nộp thêm được; các bản đã nộp vẫn được giữ.
report-closed-done = Đã đóng đợt «{ $title }».

## Mở đợt báo cáo

report-new-round-intro = Mở đợt báo cáo mới cho { $cell }. Tôi sẽ hỏi vài câu ngắn; đồng chí gõ /huy bất cứ lúc nào để dừng.
report-no-templates = Chưa có mẫu báo cáo nào dùng được. Xin báo người quản trị bot kiểm tra thư mục mẫu báo cáo.
report-ask-template = Đợt này dùng mẫu báo cáo nào?
report-ask-title = Tên đợt báo cáo là gì (từ { $min } đến { $max } ký tự)? Ví dụ: «Kiểm điểm cuối năm 2026». Hoặc chọn bên dưới để dùng tên mẫu.
report-button-use-template-title = Dùng tên: { $title }
report-title-invalid = Tên đợt cần từ { $min } đến { $max } ký tự.
report-ask-deadline = Hạn nộp là khi nào? Ví dụ: «20/12», «17h ngày 20/12», «thứ Sáu tuần sau 17 giờ». Nếu chỉ ghi ngày, hạn là 23:59 ngày đó.
report-deadline-unclear = Tôi chưa hiểu thời hạn «{ $text }». Xin đồng chí ghi theo kiểu «20/12» hoặc «17h ngày 20/12».
report-deadline-past = Thời điểm đó đã qua. Xin đồng chí chọn hạn nộp sau thời điểm hiện tại.
report-deadline-too-far = Hạn nộp đó xa quá (hơn hai năm); xin đồng chí kiểm tra lại năm.
report-deadline-invalid = Ngày hoặc giờ đó không có thật; xin đồng chí kiểm tra lại.
report-ask-audience = Những đồng chí nào phải nộp?
report-button-audience-all = Tất cả đảng viên ({ $count })
report-button-audience-categories = Chọn theo đối tượng
report-ask-categories = Chọn các đối tượng phải nộp (chọn để đánh dấu hoặc bỏ đánh dấu), rồi chọn «Xong».
report-categories-none = Xin đồng chí chọn ít nhất một đối tượng.
report-ask-exempt = Có { $count } đồng chí đang được miễn công tác và sinh hoạt đảng: { $names }. Mặc định, các đồng chí này không phải nộp. Có yêu cầu các đồng chí này nộp không?
report-button-exempt-no = Không, các đồng chí ấy không phải nộp
report-button-exempt-yes = Có, yêu cầu cả các đồng chí ấy nộp
report-ask-meeting = Bản báo cáo có dùng cho một buổi sinh hoạt sắp tới không?
report-button-no-meeting = Không gắn với buổi nào
report-meeting-none = không gắn với buổi nào
report-audience-all = tất cả đảng viên
report-audience-some = đối tượng: { $list }
report-audience-with-exempt = kể cả các đồng chí miễn sinh hoạt
report-confirm-round =
    Xin đồng chí kiểm tra lại trước khi mở đợt:
    • Mẫu: { $template }
    • Tên đợt: { $title }
    • Hạn nộp: { $deadline }
    • Phải nộp: { $audience } — { $count } đồng chí
    • Buổi sinh hoạt: { $meeting }
    Khi mở đợt, tôi báo ngay cho từng đồng chí, nhắc những ai chưa nộp trước hạn 3 ngày và 1 ngày, và gửi đồng chí bảng tổng hợp.
report-button-open-round = Mở đợt và báo cho đảng viên
report-round-no-one = Không có đồng chí nào thuộc đối tượng đã chọn. Xin đồng chí chọn lại.
report-round-opened-done = Đã mở đợt «{ $title }» cho { $count } đồng chí; thông báo đang được gửi đi. Đồng chí theo dõi tình hình nộp: chọn «Xem tình hình nộp» dưới đây, hoặc gõ /baocao.
report-round-opened-done-held = Đã mở đợt «{ $title }» cho { $count } đồng chí. Vì đang là giờ nghỉ của chi bộ ({ $start }–{ $end }), thông báo sẽ được gửi lúc { $time }. Đồng chí theo dõi tình hình nộp: chọn «Xem tình hình nộp» dưới đây, hoặc gõ /baocao.
report-use-buttons = { $platform ->
    [zalo] Xin đồng chí gõ số của phương án mình chọn.
   *[other] Xin đồng chí chọn một phương án bên dưới.
}
command-baocao = Báo cáo tự rà soát
command-dotbaocao = Mở đợt báo cáo (bí thư)

## Tài liệu Word, Excel

report-button-download = 📄 Tải bản Word
report-button-download-round = 📄 Tải { $count } bản đã tiếp nhận (Word)
report-button-download-status = 📊 Tải bảng Excel tình hình nộp
report-doc-signature = Người tự kiểm điểm
report-doc-no-answer = (chưa trả lời)
report-doc-round-file = bao cao
report-doc-status-file = tinh hinh nop
report-doc-status-title = Tình hình nộp báo cáo «{ $title }» — { $cell }
report-doc-col-status = Tình trạng
report-doc-col-submitted = Nộp lúc
report-doc-col-versions = Số lần nộp
report-doc-col-decided-by = Người tiếp nhận / trả lại
report-doc-col-decided-at = Lúc
report-doc-status-not_started = Chưa bắt đầu
report-doc-status-drafting = Đang làm
report-doc-status-submitted = Đã nộp, chờ tiếp nhận
report-doc-status-returned = Đã trả lại để bổ sung
report-doc-status-accepted = Đã tiếp nhận

# A round opened by the committee above for its cells (committees/actions): the cell's own round, marked.
report-round-from-committee = (do { $committee } mở)
report-status-from-committee = 🏛 Đợt do { $committee } mở cho các chi bộ trực thuộc; chi bộ theo dõi, nhắc và tiếp nhận như mọi đợt khác.
