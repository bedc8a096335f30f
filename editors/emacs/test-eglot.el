;;; test-eglot.el --- brief-lsp through Eglot and Flymake, in batch  -*- lexical-binding: t; -*-

;; Run from the repository:
;;
;;   emacs --batch -l editors/emacs/test-eglot.el
;;
;; (not with -Q: Debian's elpa-eglot is found through site-start.)
;;
;; Environment: BRIEF_LSP_BIN, the server (default target/debug/brief-lsp);
;; BRIEF_TEST_TIMEOUT_MS, how long each wait may take (default 20000).
;;
;; A workspace with brief.md and sources/ (a copy of the seed corpus) is
;; made in a temporary folder; Eglot starts brief-lsp the way the README
;; says (eglot-server-programs with :initializationOptions, the same corpus in
;; eglot-workspace-configuration, eglot-ensure from the mode hook), and the
;; test waits for Flymake's diagnostics and checks their kinds and exact
;; regions, then brief-lsp/status, a hover, xref's definition and
;; completion-at-point.  Exits 0 when all pass, 1 on
;; the first failure.

;;; Code:

(require 'cl-lib)
(require 'eglot)
(require 'flymake)
(require 'jsonrpc)
(require 'xref)

(defconst brief-test-dir
  (file-name-directory (or load-file-name buffer-file-name)))
(defconst brief-test-repo (expand-file-name "../../" brief-test-dir))

(defun brief-test--env (name default)
  (let ((value (getenv name)))
    (if (or (null value) (string-empty-p value)) default value)))

(defconst brief-test-bin
  (expand-file-name
   (brief-test--env "BRIEF_LSP_BIN"
                    (expand-file-name "target/debug/brief-lsp" brief-test-repo))))
(defconst brief-test-timeout
  (/ (string-to-number (brief-test--env "BRIEF_TEST_TIMEOUT_MS" "20000")) 1000.0))

(defconst brief-test-lines
  '("Café — “entente” [@lukin2021; @trenin2016]."
    ""
    "Lukin writes that “the strategic partnership between Moscow and Beijing is already more than two decades old” [@lukin2020]."
    ""
    "He adds that “the strategic partnership between Moscow and Beijing is already more than three decades old” [@lukin2020]."
    ""
    "Russia’s ‘pivot’ 😀 and @nobody."))

(defvar brief-test-passed 0)
(defvar brief-test-started (float-time))

(defun brief-test-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(define-error 'brief-test-failure "brief-lsp test failure")

(defun brief-test-fail (fmt &rest args)
  (signal 'brief-test-failure (list (apply #'format fmt args))))

(defun brief-test-eq (actual expected what)
  (unless (equal actual expected)
    (brief-test-fail "%s: expected %S, got %S" what expected actual)))

(defun brief-test-contains (haystack needle what)
  (unless (and (stringp haystack) (string-match-p (regexp-quote needle) haystack))
    (brief-test-fail "%s: %S does not contain %S" what haystack needle)))

(defun brief-test-wait (what predicate)
  "Waits until PREDICATE returns non-nil; fails after the timeout."
  (let ((deadline (+ (float-time) brief-test-timeout))
        value)
    (while (and (not (setq value (funcall predicate)))
                (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (or value
        (brief-test-fail "timed out after %.0f s waiting for %s" brief-test-timeout what))))

(defmacro brief-test-step (name &rest body)
  (declare (indent 1))
  `(let ((t0 (float-time)))
     (condition-case err
         (progn ,@body)
       (error
        (brief-test-out "FAIL  %s (%.0f ms)\n      %s" ,name (* 1000 (- (float-time) t0))
                        (if (eq (car err) 'brief-test-failure) (cadr err) (error-message-string err)))
        (brief-test-out "emacs-eglot: %d passed, 1 failed" brief-test-passed)
        (kill-emacs 1)))
     (setq brief-test-passed (1+ brief-test-passed))
     (brief-test-out "ok    %s (%.0f ms)" ,name (* 1000 (- (float-time) t0)))))

;;; The workspace

(defvar brief-test-workspace (file-name-as-directory (file-truename (make-temp-file "brief-eglot-" t))))
(add-hook 'kill-emacs-hook (lambda () (delete-directory brief-test-workspace t)))

(make-directory (expand-file-name "sources" brief-test-workspace))
(dolist (file (directory-files (expand-file-name "seeds" brief-test-repo) t "\\.\\(txt\\|toml\\)\\'"))
  (copy-file file (expand-file-name (concat "sources/" (file-name-nondirectory file)) brief-test-workspace)))
(with-temp-file (expand-file-name "brief.md" brief-test-workspace)
  (insert (mapconcat #'identity brief-test-lines "\n") "\n"))

;;; The setup editors/emacs/README.md documents

(defvar brief-test-mode (if (require 'markdown-mode nil t) 'markdown-mode 'text-mode))

(add-to-list 'eglot-server-programs
             `((markdown-mode text-mode)
               . (,brief-test-bin :initializationOptions (:corpus ["sources"] :inlayHints t))))
;; Eglot sends workspace/didChangeConfiguration with this right after
;; connecting; without the corpus here the server would go back to the seeds.
(setq-default eglot-workspace-configuration '(:briefLsp (:corpus ["sources"] :inlayHints t)))
(add-hook (intern (format "%s-hook" brief-test-mode)) #'eglot-ensure)
(setq eglot-sync-connect brief-test-timeout
      eglot-connect-timeout (max 1 (round brief-test-timeout))
      eglot-autoreconnect nil)

(brief-test-out "emacs-eglot: Emacs %s, Eglot %s, %s, server %s"
                emacs-version
                (or (bound-and-true-p eglot-version)
                    (let ((lib (locate-library "eglot")))
                      (and lib (file-name-nondirectory (directory-file-name (file-name-directory lib))))))
                brief-test-mode brief-test-bin)

(defvar brief-test-buffer nil)
(defvar brief-test-server nil)

(defun brief-test-diagnostics ()
  (sort (flymake-diagnostics (point-min) (point-max))
        (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))

(defun brief-test-region (diag)
  "(LINE CHAR END-LINE END-CHAR TEXT) of DIAG: 1-based lines, 0-based
characters from the line start (not `current-column', which counts the
emoji's display width of 2)."
  (let ((beg (flymake-diagnostic-beg diag))
        (end (flymake-diagnostic-end diag)))
    (cl-flet ((char-in-line (pos) (save-excursion (goto-char pos) (- pos (line-beginning-position)))))
      (list (line-number-at-pos beg) (char-in-line beg)
            (line-number-at-pos end) (char-in-line end)
            (buffer-substring-no-properties beg end)))))

(defun brief-test-request (method params)
  (jsonrpc-request brief-test-server method params :timeout brief-test-timeout))

;;; The steps

(brief-test-step "opening the brief starts brief-lsp through eglot-ensure"
  (setq brief-test-buffer (find-file-noselect (expand-file-name "brief.md" brief-test-workspace)))
  (set-buffer brief-test-buffer)
  (funcall brief-test-mode)          ; runs the mode hook: eglot-ensure
  (run-hooks 'post-command-hook)     ; where eglot-ensure connects (no commands run in batch)
  (setq brief-test-server
        (brief-test-wait "Eglot to manage the brief"
                         (lambda () (and (bound-and-true-p eglot--managed-mode) (eglot-current-server)))))
  (set-process-query-on-exit-flag (jsonrpc--process brief-test-server) nil)
  (brief-test-eq (plist-get (eglot--server-info brief-test-server) :name) "brief-lsp" "serverInfo.name")
  (brief-test-eq (bound-and-true-p flymake-mode) t "flymake-mode in the brief"))

(brief-test-step "brief-lsp/status: the workspace's sources/ are served"
  (let ((status (brief-test-wait
                 "the corpus to be ready"
                 (lambda ()
                   (let ((s (brief-test-request :brief-lsp/status nil)))
                     (and (equal (plist-get s :state) "ready")
                          (not (plist-get s :loading))
                          s))))))
    (brief-test-eq (plist-get status :documents) 5 "documents")
    (brief-test-eq (plist-get status :source) (concat brief-test-workspace "sources") "corpus source")))

(brief-test-step "Flymake shows the diagnostics at the exact places"
  (let ((diags (brief-test-wait "three Flymake diagnostics"
                                (lambda ()
                                  (flymake-start)
                                  (let ((d (brief-test-diagnostics)))
                                    (and (= (length d) 3) d))))))
    (brief-test-eq (mapcar #'flymake-diagnostic-type diags)
                   '(eglot-error eglot-warning eglot-error) "types")
    (brief-test-eq (flymake-diagnostic-text (nth 0 diags))
                   "brief-lsp [citation-unknown]: unknown citation key `@lukin2021`; did you mean `@lukin2020`?"
                   "citation-unknown text")
    ;; Character columns: UTF-16 18-28 on the wire, and no character here
    ;; lies outside the BMP.
    (brief-test-eq (brief-test-region (nth 0 diags)) '(1 18 1 28 "@lukin2021") "citation-unknown region")
    (brief-test-contains (flymake-diagnostic-text (nth 1 diags)) "brief-lsp [quote-inexact]: " "quote-inexact text")
    (brief-test-eq (brief-test-region (nth 1 diags))
                   '(5 13 5 106 "“the strategic partnership between Moscow and Beijing is already more than three decades old”")
                   "quote-inexact region")
    ;; After the emoji: UTF-16 24-31 on the wire, characters 23-30 in Emacs.
    (brief-test-eq (flymake-diagnostic-text (nth 2 diags))
                   "brief-lsp [citation-unknown]: unknown citation key `@nobody`" "@nobody text")
    (brief-test-eq (brief-test-region (nth 2 diags)) '(7 23 7 30 "@nobody") "@nobody region")))

(brief-test-step "hover on @lukin2020 shows the reference"
  (goto-char (point-min))
  (forward-line 2)
  (search-forward "@lukin2020")
  (backward-char 3)
  (let* ((hover (brief-test-request :textDocument/hover (eglot--TextDocumentPositionParams)))
         (value (plist-get (plist-get hover :contents) :value)))
    (brief-test-contains value "**@lukin2020** · Lukin 2020" "hover")
    (brief-test-contains value "The Russia–China Entente and Its Future" "hover")))

(brief-test-step "xref definition of @lukin2020: the corpus file at its title"
  (goto-char (point-min))
  (forward-line 2)
  (search-forward "@lukin2020")
  (backward-char 3)
  (let* ((xrefs (xref-backend-definitions 'eglot (xref-backend-identifier-at-point 'eglot)))
         (location (and (= (length xrefs) 1) (xref-item-location (car xrefs)))))
    (unless location (brief-test-fail "expected one definition, got %S" xrefs))
    (brief-test-eq (xref-location-group location)
                   (concat brief-test-workspace "sources/003_9556968063aa75cc.txt") "definition file")
    (brief-test-eq (xref-location-line location) 1038 "definition line (1-based)")))

(brief-test-step "completion-at-point after [@tre offers the trenin keys"
  (goto-char (point-max))
  (insert "\nSee also [@tre")
  (let* ((capf (eglot-completion-at-point))
         (table (nth 2 capf)))
    (brief-test-eq (buffer-substring-no-properties (nth 0 capf) (nth 1 capf)) "tre" "completion prefix")
    (brief-test-eq (sort (all-completions "tre" table) #'string<) '("trenin2016" "trenin2019") "completions")))

(brief-test-out "emacs-eglot: all steps in %.0f ms" (* 1000 (- (float-time) brief-test-started)))
(brief-test-out "emacs-eglot: %d passed, 0 failed" brief-test-passed)
(kill-emacs 0)

;;; test-eglot.el ends here
