"""The person's own LinkedIn profile: headline and About, positions, education, certifications
and skills with their endorsements, as the data export or the person gives them."""
