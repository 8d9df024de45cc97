"""«Fant du det du lette etter?»: anonymous page feedback, routed to the page's owner.

At the foot of every page of the section an employee answers Ja or Nei (a plain POST
form, no JavaScript), then may add a comment. What is stored is the page, the answer,
the comment and the time, never who answered. The page's content owner reads it in the
admin's report «Tilbakemeldinger» and a dashboard panel; moderators and administrators
read all of it. A daily job deletes feedback older than twelve months.

- models.py: PageFeedback.
- access.py: who reads which feedback (the one place that knows ownership).
- throttle.py: floods refused in the cache, per session and page and per user.
- views.py, forms.py: the employee's side.
- admin_views.py, panel.py: the owner's side.
"""
