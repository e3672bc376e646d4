;; Run by test/e2e/emacs/check.ts in `emacs --batch`: opens $DATELINE_ARTICLE (plain text: text-mode), starts
;; eglot as a user would, asks for a hover on "Uqayribat", lists Flymake's diagnostics, and writes them as
;; JSON to $DATELINE_PROBE_OUT.
(require 'json)
(load (expand-file-name "dateline.el" (file-name-directory load-file-name)))
(defvar probe-result (list (cons 'errors nil)))
(defun probe-put (key value) (push (cons key value) probe-result))
(defun probe-finish ()
  (with-temp-file (getenv "DATELINE_PROBE_OUT") (insert (json-encode probe-result)))
  (kill-emacs 0))
(defun probe-wait (seconds pred)
  "Poll PRED while serving process output, for at most SECONDS."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

(condition-case err
    (progn
      (find-file (getenv "DATELINE_ARTICLE"))
      (probe-put 'mode (symbol-name major-mode))
      (eglot-ensure)
      ;; eglot-ensure connects after the current command; batch mode runs no commands, so run the hook.
      (run-hooks 'post-command-hook)
      (probe-put 'connected (if (probe-wait 20 #'eglot-current-server) t :json-false))
      (goto-char (point-min))
      (search-forward "Uqayribat")
      (backward-char 4)
      (probe-put 'line (line-number-at-pos))
      (let ((hover nil))
        (probe-wait 20 (lambda ()
                         (let* ((res (jsonrpc-request (eglot-current-server) :textDocument/hover
                                                      (eglot--TextDocumentPositionParams)))
                                (contents (plist-get res :contents)))
                           (setq hover (if (stringp contents) contents (plist-get contents :value))))))
        (probe-put 'hover hover))
      (probe-wait 20 (lambda () (flymake-diagnostics)))
      (probe-put 'diagnostics
                 (vconcat (mapcar (lambda (d) (flymake-diagnostic-text d)) (flymake-diagnostics)))))
  (error (push (format "%S" err) (alist-get 'errors probe-result))))
(probe-finish)
