"""Media: st.image, st.audio, st.video, st.pdf, st.logo and st.link_button.

Media bytes travel as content-addressed binary buffers (render/wire.py): an image shown
again in the next run is not sent again.
"""
