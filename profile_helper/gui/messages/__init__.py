"""The Messages page: templates, the composer, the template editor and the contact picker."""
