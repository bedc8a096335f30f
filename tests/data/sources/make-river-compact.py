"""Typesets river-compact.txt as a two-column journal article with running
heads (fancyhdr) and page numbers from 366: test data with exact ground truth.
Run: python3 make-river-compact.py && pdflatex river-compact.tex"""
import pathlib

paras = pathlib.Path("river-compact.txt").read_text().strip().split("\n\n")
title, body = paras[0], paras[1:]
out = [r"""\documentclass[twoside]{article}
\input{glyphtounicode}\pdfgentounicode=1
\usepackage[a5paper,margin=15mm]{geometry}
\usepackage{fancyhdr}
\pagestyle{fancy}
\fancyhf{}
\fancyhead[LE]{\thepage\quad B. Example}
\fancyhead[RO]{The river compact and its discontents\quad\thepage}
\renewcommand{\headrulewidth}{0pt}
\setcounter{page}{366}
\begin{document}
\twocolumn
""", r"\section*{%s}" % title]
for p in body:
    out.append(r"\subsection*{%s}" % p if len(p.split()) <= 6 else p + "\n")
out.append(r"\end{document}")
pathlib.Path("river-compact.tex").write_text("\n".join(out) + "\n")
